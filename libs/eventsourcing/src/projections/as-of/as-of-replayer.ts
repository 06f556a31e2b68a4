import Database from 'better-sqlite3';
import type { EventStore, RecordedEvent } from '#event-store';
import type { Projection } from '../projection.js';
import { asOfViews, historyCovers } from '../history/row-history.js';
import { applyEvent, setupProvenance } from '../provenance.js';
import type { AsOf } from './as-of.js';
import type { Snapshot, Snapshots } from './snapshots.js';

export interface AsOfView {
  readonly db: Database.Database;
  /** The last log position the view includes. */
  readonly position: number;
}

/** The live read models (the projection runner): their row history answers questions by position. */
export interface LiveReadModels {
  /** The read-model database the live runner writes (a blue/green swap replaces it). */
  readonly database: Database.Database;
  /** Resolves true once every projection has applied the log up to `position`. */
  waitFor(position: number, timeoutMs: number): Promise<boolean>;
}

export interface AsOfReplayerOptions {
  /** The live read models, whose row history answers questions by position or recorded time. */
  readonly live?: LiveReadModels;
  /** How long a question past the live read models waits for them before replaying (default 2,000 ms). */
  readonly liveWaitMs?: number;
  /** How many replayed views to keep for repeated questions. */
  readonly cacheSize?: number;
  /** Events read and applied per transaction. */
  readonly batch?: number;
}

/** A view, cached or on its way out, with the snapshot file it holds open. */
interface Entry {
  view: Promise<AsOfView>;
  file: string | null;
  /** Reads the live read-model file (through its row history). */
  live?: boolean;
  closed?: Promise<void>;
}

/**
 * Answers "as of" questions. By position or recorded time, from the row history the live
 * projections keep (`row-history.ts`): a read-only connection to the live read models whose tables
 * are shadowed by views of the rows as they stood then, at the cost of the query alone. Otherwise
 * (by occurred time, a position before the history begins, read models in memory) by running the
 * same projection code over the log up to that point: from the nearest snapshot, opened in place
 * with the replay kept in a transaction that is never committed (the cost is the events after the
 * snapshot, not the size of the read models), or from zero into a temporary database on disk
 * (memory bounded whatever the size of the log). The result is kept for repeated questions.
 */
export class AsOfReplayer {
  private readonly cache = new Map<string, Entry>();
  /** Snapshot file → the view holding it open: one at a time (each holds its write lock). */
  private readonly holders = new Map<string, Entry>();
  private readonly cacheSize: number;
  private readonly batch: number;
  private readonly live: LiveReadModels | undefined;
  private readonly liveWaitMs: number;
  /** While a blue/green swap changes the live file, no view may hold it open. */
  private liveSuspended = false;
  /** Views reading the live file, cached or evicted, until their connection is closed. */
  private readonly liveEntries = new Set<Entry>();

  constructor(
    private readonly store: EventStore,
    private readonly projections: readonly Projection[],
    private readonly snapshots: Snapshots | null,
    options: AsOfReplayerOptions = {},
  ) {
    this.cacheSize = options.cacheSize ?? 4;
    this.batch = options.batch ?? 5000;
    this.live = options.live;
    this.liveWaitMs = options.liveWaitMs ?? 2000;
  }

  async open(asOf: AsOf): Promise<AsOfView> {
    const head = (await this.store.head()).position;
    const target =
      asOf.kind === 'position'
        ? Math.min(asOf.position, head)
        : asOf.kind === 'recorded'
          ? await this.positionAt(asOf.at, head)
          : head;
    const key = asOf.kind === 'occurred' ? `occurred:${asOf.at}@${head}` : `position:${target}`;
    const cached = this.cache.get(key);
    if (cached) {
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached.view;
    }
    const entry: Entry = { view: Promise.resolve({} as AsOfView), file: null };
    entry.view = this.replay(entry, target, asOf.kind === 'occurred' ? asOf.at : null);
    this.cache.set(key, entry);
    entry.view.catch(() => {
      if (this.cache.get(key) === entry) this.cache.delete(key);
    });
    for (const [old, evicted] of this.cache) {
      if (this.cache.size <= this.cacheSize) break;
      this.cache.delete(old);
      void this.evict(evicted);
    }
    return entry.view;
  }

  /**
   * Closes the views reading the live read-model file and opens no more until `resumeLive` (a
   * blue/green swap needs the file to itself); questions meanwhile replay instead.
   */
  async suspendLive(): Promise<void> {
    this.liveSuspended = true;
    for (const [key, entry] of this.cache) if (entry.live) this.cache.delete(key);
    // Evicted ones too: their connection closes a turn after eviction, and it holds the file.
    await Promise.all([...this.liveEntries].map((entry) => this.evict(entry)));
  }

  resumeLive(): void {
    this.liveSuspended = false;
  }

  /** Closes every cached view. */
  async close(): Promise<void> {
    const entries = [...this.cache.values(), ...this.holders.values()];
    this.cache.clear();
    await Promise.all(entries.map((entry) => this.evict(entry)));
  }

  private async replay(entry: Entry, target: number, occurredBy: string | null): Promise<AsOfView> {
    if (occurredBy === null) {
      const view = await this.fromHistory(entry, target);
      if (view) return view;
    }
    const snapshot =
      occurredBy === null ? this.snapshots?.nearest(target) : this.snapshots?.nearestOccurred(occurredBy);
    let db = snapshot ? await this.openSnapshot(entry, snapshot) : null;
    let from = db && snapshot ? snapshot.position : 0;
    if (!db) {
      // An anonymous temporary database: SQLite keeps it on disk beyond its cache, removed on close.
      db = new Database('');
      db.pragma('cache_size = -65536');
      setupProvenance(db);
      for (const projection of this.projections) projection.setup(db);
    }
    try {
      while (from < target) {
        const events = await this.store.readAll({ after: from, limit: this.batch });
        const page = events.filter((e) => e.position <= target);
        if (page.length === 0) break;
        this.apply(db, page, occurredBy);
        from = page[page.length - 1].position;
        if (page.length < events.length) break;
      }
    } catch (error) {
      db.close();
      this.release(entry);
      throw error;
    }
    return { db, position: target };
  }

  /**
   * The read models at `target` from the live file's row history, once the live runner has reached
   * it; null when the history cannot answer (suspended, in memory, not complete that far back).
   */
  private async fromHistory(entry: Entry, target: number): Promise<AsOfView | null> {
    // Not kept that far back (or not at all): replay at once rather than wait for the runner.
    if (!this.readLive((db) => historyCovers(db, this.projections, target))) return null;
    if (!(await this.live!.waitFor(target, this.liveWaitMs))) return null;
    // From here to the return, synchronous: a swap cannot begin before the entry is known as live.
    return this.readLive((db) => {
      if (!this.sameVersions(db, target) || !historyCovers(db, this.projections, target)) return null;
      asOfViews(db, this.projections, target);
      entry.live = true;
      this.liveEntries.add(entry);
      return { db, position: target };
    }, true);
  }

  /**
   * Runs `read` on a new read-only connection to the live read-model file, closed afterwards unless
   * `read` returns a view that keeps it (`keep`); null when there is no such file to read now
   * (suspended for a swap, in memory, closed) or it cannot be read as asked.
   */
  private readLive<T>(read: (db: Database.Database) => T | null, keep = false): T | null {
    if (!this.live || this.liveSuspended) return null;
    const live = this.live.database;
    if (live.memory || !live.open) return null;
    let db: Database.Database | null = null;
    try {
      db = new Database(live.name, { readonly: true, fileMustExist: true });
      const result = read(db);
      if (!keep || result === null) db.close();
      return result;
    } catch {
      db?.close();
      return null;
    }
  }

  /** Opens a snapshot for this view, once the view holding it has closed; null when it cannot serve. */
  private async openSnapshot(entry: Entry, snapshot: Snapshot): Promise<Database.Database | null> {
    for (let holder = this.holders.get(snapshot.file); holder; holder = this.holders.get(snapshot.file)) {
      for (const [key, cached] of this.cache) if (cached === holder) this.cache.delete(key);
      await this.evict(holder);
    }
    this.holders.set(snapshot.file, entry);
    entry.file = snapshot.file;
    let db: Database.Database | null = null;
    try {
      db = this.snapshots!.open(snapshot);
      if (this.sameVersions(db)) return db;
    } catch {
      // Removed meanwhile, or not a database any more: replay from zero.
    }
    db?.close();
    this.release(entry);
    return null;
  }

  /**
   * Closes a view (already out of the cache), discarding its replay. The close waits for the next
   * turn of the event loop: whoever was just handed the view runs its queries first.
   */
  private evict(entry: Entry): Promise<void> {
    entry.closed ??= (async () => {
      const view = await entry.view.catch(() => null);
      await new Promise((resolve) => setImmediate(resolve));
      view?.db.close();
      this.release(entry);
      this.liveEntries.delete(entry);
    })();
    return entry.closed;
  }

  private release(entry: Entry): void {
    if (entry.file !== null && this.holders.get(entry.file) === entry) this.holders.delete(entry.file);
    entry.file = null;
  }

  private apply(db: Database.Database, events: RecordedEvent[], occurredBy: string | null): void {
    db.transaction(() => {
      for (const event of events) {
        if (occurredBy !== null && event.metadata.occurredAt > occurredBy) continue;
        for (const projection of this.projections) {
          if (!projection.eventTypes || projection.eventTypes.includes(event.type))
            applyEvent(db, projection, event);
        }
      }
    })();
  }

  /**
   * A database of other projection versions than the running ones is of no use, nor one that has
   * not applied the log up to `reached`.
   */
  private sameVersions(db: Database.Database, reached = 0): boolean {
    const rows = db.prepare('SELECT name, version, position FROM projection_checkpoints').all() as {
      name: string;
      version: number;
      position: number;
    }[];
    return this.projections.every((p) =>
      rows.some((r) => r.name === p.name && r.version === p.version && r.position >= reached),
    );
  }

  /**
   * The last position recorded at or before `at`, by binary search over the log (events are
   * recorded in log order). Works on logs whose positions have gaps too.
   */
  private async positionAt(at: string, head: number): Promise<number> {
    let low = 0;
    let high = head;
    while (low < high) {
      const mid = Math.floor((low + high) / 2) + 1;
      const [event] = await this.store.readAll({ after: mid - 1, limit: 1 });
      if (event && event.position <= high && event.metadata.recordedAt <= at) low = event.position;
      else high = mid - 1;
    }
    return low;
  }
}
