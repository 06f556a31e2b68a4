import Database from 'better-sqlite3';
import { copyFile } from 'node:fs/promises';
import { mkdirSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { EventStore } from '#event-store';
import { dropRowHistoryTriggers } from '../history/row-history.js';
import { removeDatabaseFiles } from '../read-model-files.js';
import { snapshotPlan, thinned } from './snapshot-plan.js';

export interface Snapshot {
  readonly position: number;
  readonly file: string;
}

export interface SnapshotOptions {
  /** The fewest events between two snapshots (0: no snapshots). */
  readonly every: number;
  /**
   * The interval also grows with the log: the next snapshot waits until the read models have moved
   * this fraction of the last snapshot's position past it. Each copy costs the size of the read
   * models, which grows with the log; spacing them geometrically keeps their total cost a constant
   * share of a catch-up. Default 0.05.
   */
  readonly growth?: number;
  /** The newest snapshots always kept; older ones are thinned to log-spaced positions. Default 4. */
  readonly keepRecent?: number;
  /**
   * The log, to record in each snapshot the latest `occurredAt` up to its position: an "as of"
   * question by occurred time can then start from it. Without it, such questions replay from zero.
   */
  readonly store?: EventStore;
  /** Told when a snapshot could not be taken (disk full, …); the next one due is tried again. */
  readonly onError?: (error: unknown) => void;
}

const NAME = /^read-models-(\d+)\.sqlite$/;
const META = 'snapshot_meta';

/**
 * Copies of the live read-model database at known positions, taken while the engine runs. An "as
 * of" replay opens the nearest one in place and replays into it inside a transaction it never
 * commits (`open`): the file is never written, and a question costs the events after the snapshot,
 * not the size of the read models.
 */
export class Snapshots {
  readonly every: number;
  private readonly growth: number;
  private readonly keepRecent: number;
  private readonly store: EventStore | undefined;
  private readonly onError: (error: unknown) => void;
  private taking: Promise<void> | null = null;
  private last = 0;
  private count = 0;
  /** Snapshot files open for a replay: thinning leaves them until they are closed. */
  private readonly inUse = new Map<string, number>();
  /** What each snapshot file says of its latest occurred time (files never change once named). */
  private readonly occurred = new Map<string, string | undefined>();

  constructor(
    private readonly folder: string,
    options: number | SnapshotOptions,
  ) {
    const o = typeof options === 'number' ? { every: options } : options;
    this.every = o.every;
    this.growth = o.growth ?? 0.05;
    this.keepRecent = Math.max(1, o.keepRecent ?? 4);
    this.store = o.store;
    this.onError = o.onError ?? (() => undefined);
    mkdirSync(folder, { recursive: true });
    this.last = this.list().at(-1)?.position ?? 0;
  }

  /** Snapshots this instance has taken. */
  get taken(): number {
    return this.count;
  }

  list(): Snapshot[] {
    return readdirSync(this.folder)
      .map((file) => NAME.exec(file))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ position: Number(m[1]), file: join(this.folder, m[0]) }))
      .sort((a, b) => a.position - b.position);
  }

  /** The newest snapshot at or before `position`. */
  nearest(position: number): Snapshot | null {
    return (
      this.list()
        .filter((s) => s.position <= position)
        .at(-1) ?? null
    );
  }

  /**
   * The newest snapshot that can start an "as of" question by occurred time `at`: one whose events
   * all occurred by then (occurred time is not monotonic in the log, so a later snapshot may hold an
   * event that occurred after `at`, and an earlier one every event it needs). Null when none can.
   */
  nearestOccurred(at: string): Snapshot | null {
    for (const snapshot of this.list().reverse()) {
      const latest = this.latestOccurred(snapshot);
      if (latest !== undefined && latest <= at) return snapshot;
    }
    return null;
  }

  /**
   * Opens a snapshot in place and begins a write transaction on it: the replay after the snapshot
   * goes into that transaction (SQLite keeps it in its cache and, in WAL mode, spills it to the WAL,
   * never to the file), and closing the database discards it. One open per snapshot at a time.
   */
  open(snapshot: Snapshot): Database.Database {
    const db = new Database(snapshot.file, { fileMustExist: true, timeout: 0 });
    try {
      if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL');
      // A replay touching more than this spills uncommitted pages to the WAL: bounded memory.
      db.pragma('cache_size = -65536');
      db.pragma('synchronous = OFF');
      db.exec('BEGIN IMMEDIATE');
      // The replay is discarded: it need not keep the history of the rows it writes.
      dropRowHistoryTriggers(db);
    } catch (error) {
      db.close();
      throw error;
    }
    this.inUse.set(snapshot.file, (this.inUse.get(snapshot.file) ?? 0) + 1);
    const close = db.close.bind(db);
    db.close = () => {
      if (db.open) {
        close();
        const count = (this.inUse.get(snapshot.file) ?? 1) - 1;
        if (count > 0) this.inUse.set(snapshot.file, count);
        else this.inUse.delete(snapshot.file);
      }
      return db;
    };
    return db;
  }

  /** Called after each batch the live runner commits; takes a snapshot when one is due. */
  maybeTake(live: Database.Database, position: number): void {
    if (this.every <= 0 || this.taking) return;
    if (!snapshotPlan(this.every, this.growth).due(this.last, position)) return;
    this.taking = this.take(live)
      .catch((error: unknown) => {
        removeDatabaseFiles(join(this.folder, `partial-${process.pid}.sqlite`));
        this.onError(error);
      })
      .finally(() => (this.taking = null));
  }

  /** Waits for a snapshot in progress (before closing the live database). */
  async settle(): Promise<void> {
    await this.taking;
  }

  private async take(live: Database.Database): Promise<void> {
    const partial = join(this.folder, `partial-${process.pid}.sqlite`);
    removeDatabaseFiles(partial);
    const wal = !live.memory && live.pragma('journal_mode', { simple: true }) === 'wal';
    const position = wal ? await this.copy(live, partial) : await this.backup(live, partial);
    if (position === null) return;
    await this.describe(partial, position);
    const file = join(this.folder, `read-models-${position}.sqlite`);
    removeDatabaseFiles(file);
    renameSync(partial, file);
    this.last = position;
    this.count++;
    this.thin();
  }

  /**
   * Copies the live file by the kernel, off the event loop, while the runner goes on: after a full
   * checkpoint the WAL is empty, and a read transaction begun then pins the file (no checkpoint may
   * write to it while a reader needs its older pages), so the copy is one consistent state.
   */
  private async copy(live: Database.Database, partial: string): Promise<number | null> {
    const [result] = live.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number }[];
    if (result && (result.busy !== 0 || result.log > 0)) return null;
    const reader = new Database(live.name, { readonly: true, fileMustExist: true });
    try {
      reader.exec('BEGIN');
      const position = checkpointOf(reader);
      await copyFile(live.name, partial);
      reader.exec('COMMIT');
      return position;
    } finally {
      reader.close();
    }
  }

  /**
   * A live database not in WAL mode (in memory, in tests) cannot be pinned while it is copied:
   * SQLite's online backup, in big steps.
   */
  private async backup(live: Database.Database, partial: string): Promise<number> {
    await live.backup(partial, { progress: () => 4096 });
    const copy = new Database(partial);
    try {
      copy.pragma('journal_mode = WAL');
      return checkpointOf(copy);
    } finally {
      copy.close();
    }
  }

  /** Records in the copy what it holds: its position and the latest occurred time up to it. */
  private async describe(partial: string, position: number): Promise<void> {
    const latest = await this.latestOccurredUpTo(position);
    const copy = new Database(partial);
    try {
      copy.exec(`CREATE TABLE IF NOT EXISTS ${META} (position INTEGER NOT NULL, latest_occurred TEXT)`);
      copy.prepare(`DELETE FROM ${META}`).run();
      copy.prepare(`INSERT INTO ${META} VALUES (?, ?)`).run(position, latest ?? null);
      // Back to a self-contained file: its WAL is folded in and removed when it closes.
    } finally {
      copy.close();
    }
  }

  /** The latest occurredAt of the events up to `position`, extending the previous snapshot's. */
  private async latestOccurredUpTo(position: number): Promise<string | undefined> {
    if (!this.store) return undefined;
    const previous = this.list()
      .filter((s) => s.position <= position)
      .at(-1);
    const start = previous ? this.latestOccurred(previous) : '';
    if (start === undefined) return undefined;
    let latest = start;
    let from = previous?.position ?? 0;
    while (from < position) {
      const events = await this.store.readAll({ after: from, limit: 5000 });
      if (events.length === 0) break;
      for (const event of events) {
        if (event.position > position) break;
        if (event.metadata.occurredAt > latest) latest = event.metadata.occurredAt;
      }
      from = events[events.length - 1].position;
    }
    return latest;
  }

  /** What a snapshot says of its latest occurred time; undefined when it does not know it. */
  private latestOccurred(snapshot: Snapshot): string | undefined {
    if (this.occurred.has(snapshot.file)) return this.occurred.get(snapshot.file);
    const latest = readLatestOccurred(snapshot.file);
    this.occurred.set(snapshot.file, latest);
    return latest;
  }

  private thin(): void {
    const keep = new Set(thinned(this.list(), this.keepRecent, this.every).map((s) => s.file));
    for (const old of this.list()) {
      if (keep.has(old.file) || this.inUse.has(old.file)) continue;
      removeDatabaseFiles(old.file);
      this.occurred.delete(old.file);
    }
  }
}

function readLatestOccurred(file: string): string | undefined {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true, timeout: 0 });
    const row = db.prepare(`SELECT latest_occurred AS latest FROM ${META}`).get() as
      { latest: string | null } | undefined;
    return row?.latest ?? undefined;
  } catch {
    return undefined;
  } finally {
    db?.close();
  }
}

function checkpointOf(db: Database.Database): number {
  const row = db.prepare('SELECT MIN(position) AS position FROM projection_checkpoints').get() as {
    position: number | null;
  };
  return row.position ?? 0;
}
