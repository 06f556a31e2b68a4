import type { EventStore } from '#event-store';
import type { Projection } from '../projections/projection.js';

export interface EventSourcingOptions {
  /** Opens the event store; closed again when the application shuts down. */
  readonly openStore: () => Promise<EventStore>;
  /** Path of the read-model SQLite file (':memory:' for a throw-away one). */
  readonly readModelPath: string;
  readonly projections: readonly Projection[];
  /** Re-reads and decides again this many times after a concurrency conflict. */
  readonly commandRetries: number;
  /** Longest wait for `minPosition` (read-your-writes), in milliseconds. */
  readonly readWaitMs: number;
  readonly clock?: () => Date;
  /** Folder of the read-model snapshots "as of" replays start from (none: always from zero). */
  readonly snapshotFolder?: string | null;
  /** The fewest events between two snapshots. */
  readonly snapshotEvery?: number;
  /** The interval also grows to this fraction of the last snapshot's position (default 0.05). */
  readonly snapshotGrowth?: number;
  /**
   * Keep every version of every read-model row (default true): "as of" questions by position and
   * recorded time are then read, not replayed, at the price of slower projections and a larger
   * read-model file. Turned off, the history is dropped and those questions replay from snapshots.
   */
  readonly rowHistory?: boolean;
  /** Bounds of the cache of folded aggregate state (see `StateCache`); absent: the defaults; null: no cache. */
  readonly stateCache?: { readonly maxStreams: number; readonly maxEvents: number } | null;
}
