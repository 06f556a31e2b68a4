import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '#event-store';

/**
 * A read model built from the global log into SQLite tables it owns. `apply` runs inside the
 * runner's transaction, together with the checkpoint, so it must be synchronous and must not
 * commit on its own. The same code serves live projection, rebuilds and "as of" replays.
 */
export interface Projection {
  /** Stable name; also the checkpoint key. */
  readonly name: string;
  /** Bump when the tables or the meaning of `apply` change: the runner rebuilds. */
  readonly version: number;
  /** Event types it reads; others only advance its checkpoint. Absent: every event. */
  readonly eventTypes?: readonly string[];
  /** Creates its tables if missing. */
  setup(db: Database): void;
  /** Drops its tables (before a rebuild). */
  reset(db: Database): void;
  apply(db: Database, event: RecordedEvent): void;
  /**
   * The keys of the rows an event touched, read after `apply` (e.g. `diaspora-2025/turkic-diaspora-forum-2025`), for
   * the audit's "which events produced this row". Absent: no provenance is kept.
   */
  rowsOf?(event: RecordedEvent, db: Database): readonly string[];
  /**
   * Its ledger tables, each with the column holding the position of the event that wrote the row:
   * tables whose rows are written once, by that event, and never changed or removed (one row per
   * event, as the audit's). "As of" reads them up to a position instead of keeping a history of
   * every row; triggers refuse any write that would break the promise.
   */
  readonly ledgers?: Readonly<Record<string, string>>;
}

export interface ProjectionStatus {
  readonly name: string;
  readonly version: number;
  readonly state: 'starting' | 'catching-up' | 'live' | 'stopped' | 'failed';
  /** Global position of the last event it has taken into account. */
  readonly position: number;
  readonly headPosition: number;
  readonly lagEvents: number;
  /** Seconds between the recording of the oldest event it has not applied yet and now. */
  readonly lagSeconds: number;
  readonly error?: string;
}
