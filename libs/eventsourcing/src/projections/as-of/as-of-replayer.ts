import Database from 'better-sqlite3';
import type { EventStore, RecordedEvent } from '#event-store';
import type { Projection } from '../projection.js';
import { applyEvent, setupProvenance } from '../provenance.js';
import type { AsOf } from './as-of.js';
import type { Snapshots } from './snapshots.js';

export interface AsOfView {
  readonly db: Database.Database;
  /** The last log position the view includes. */
  readonly position: number;
}

export interface AsOfReplayerOptions {
  /** How many replayed views to keep for repeated questions. */
  readonly cacheSize?: number;
  /** Events read and applied per transaction. */
  readonly batch?: number;
}

/**
 * Answers "as of" questions by running the same projection code over the log up to a point, into
 * an in-memory database: from the nearest snapshot when there is one, otherwise from zero. The
 * result is kept for repeated questions.
 */
export class AsOfReplayer {
  private readonly cache = new Map<string, Promise<AsOfView>>();
  private readonly cacheSize: number;
  private readonly batch: number;

  constructor(
    private readonly store: EventStore,
    private readonly projections: readonly Projection[],
    private readonly snapshots: Snapshots | null,
    options: AsOfReplayerOptions = {},
  ) {
    this.cacheSize = options.cacheSize ?? 4;
    this.batch = options.batch ?? 5000;
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
    let view = this.cache.get(key);
    if (view) {
      this.cache.delete(key);
      this.cache.set(key, view);
      return view;
    }
    view = this.replay(target, asOf.kind === 'occurred' ? asOf.at : null);
    this.cache.set(key, view);
    view.catch(() => this.cache.delete(key));
    for (const [old, evicted] of this.cache) {
      if (this.cache.size <= this.cacheSize) break;
      this.cache.delete(old);
      void evicted.then((v) => v.db.close()).catch(() => undefined);
    }
    return view;
  }

  /** Closes every cached view. */
  async close(): Promise<void> {
    const views = [...this.cache.values()];
    this.cache.clear();
    for (const view of views) await view.then((v) => v.db.close()).catch(() => undefined);
  }

  private async replay(target: number, occurredBy: string | null): Promise<AsOfView> {
    const snapshot = occurredBy === null ? this.snapshots?.nearest(target) : null;
    let db = snapshot ? this.snapshots!.load(snapshot) : null;
    if (db && !this.sameVersions(db)) {
      db.close();
      db = null;
    }
    let from = db && snapshot ? snapshot.position : 0;
    if (!db) {
      db = new Database(':memory:');
      setupProvenance(db);
      for (const projection of this.projections) projection.setup(db);
    }
    while (from < target) {
      const events = await this.store.readAll({ after: from, limit: this.batch });
      const page = events.filter((e) => e.position <= target);
      if (page.length === 0) break;
      this.apply(db, page, occurredBy);
      from = page[page.length - 1].position;
      if (page.length < events.length) break;
    }
    return { db, position: target };
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

  /** A snapshot of other projection versions than the running ones is of no use. */
  private sameVersions(db: Database.Database): boolean {
    const rows = db.prepare('SELECT name, version FROM projection_checkpoints').all() as {
      name: string;
      version: number;
    }[];
    return this.projections.every((p) => rows.some((r) => r.name === p.name && r.version === p.version));
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
