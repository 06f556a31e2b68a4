import type { NewEvent, RecordedEvent } from './envelope.js';

/**
 * What the caller expects of a stream before appending:
 * `any` (no check), `no_stream` (must not exist), `stream_exists` (must exist),
 * or the exact zero-based revision of its last event.
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

export interface AppendOptions {
  readonly expectedRevision?: ExpectedRevision;
}

export interface AppendResult {
  readonly stream: string;
  /** Revision of the last event of the append. */
  readonly revision: number;
  /** Global position of the first and last events of the append. */
  readonly firstPosition: number;
  readonly position: number;
  /**
   * Global position of each event of the append, in order (empty for an empty append). On the
   * embedded store they follow one another; on EventStoreDB they need not.
   */
  readonly positions: readonly number[];
  /** `true` when the same event ids were already stored and nothing was written. */
  readonly idempotent: boolean;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  readonly direction?: Direction;
  /** Revision to start from (inclusive). Defaults to the start (forwards) or the end (backwards). */
  readonly fromRevision?: number;
  readonly limit?: number;
}

/** Server-side filter on the global log. Both lists empty or absent: everything. */
export interface LogFilter {
  readonly eventTypes?: readonly string[];
  /** Stream categories (`plan`, `meeting`); see `streamCategory`. */
  readonly categories?: readonly string[];
}

export interface ReadAllOptions {
  /** Read events strictly after this global position (0: from the start). */
  readonly after?: number;
  readonly limit?: number;
  readonly filter?: LogFilter;
}

export interface SubscribeOptions {
  /** Deliver events strictly after this global position (0: from the start). */
  readonly after?: number;
  readonly filter?: LogFilter;
  /** How many events one catch-up read fetches. */
  readonly batchSize?: number;
}

/**
 * A catch-up subscription to the global log: replays from a position, then goes live,
 * delivering every matching event exactly once and in order. Iterate it with `for await`;
 * `close()` (or leaving the loop) ends it.
 */
export interface Subscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

/** The head of the global log: the position and time of its last event (0 and null when empty). */
export interface LogHead {
  readonly position: number;
  readonly recordedAt: string | null;
}

/** The event store port: every adapter implements it and passes the contract suite. */
export interface EventStore {
  /**
   * Appends all of `events` or none, after checking `expectedRevision` (default `any`).
   * Re-appending ids already stored in this stream at consecutive revisions returns the first
   * result with `idempotent: true` and writes nothing, whatever is expected; any other reuse of
   * a stored id throws `DuplicateEventIdError`. An empty `events` only checks the expectation
   * and returns where the stream is: its last revision and the position of its last event, or
   * revision -1 and the log's head position when the stream does not exist.
   */
  append(stream: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  /** Throws `StreamNotFoundError` when the stream has no events. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(options?: SubscribeOptions): Subscription;
  head(): Promise<LogHead>;
  close(): Promise<void>;
}

/** Injection token of the configured store. */
export const EVENT_STORE = Symbol.for('kurultai.EventStore');
