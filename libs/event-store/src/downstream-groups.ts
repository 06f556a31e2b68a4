import type { RecordedEvent } from './envelope.js';
import { EventStoreError } from './errors.js';
import type { EventStore, LogFilter } from './event-store.js';

/**
 * How a group shares its events among the consumers connected to it: each event to the next
 * consumer in turn (`round-robin`), to the first consumer while it has room
 * (`dispatch-to-single`), or by stream, so that one consumer sees a stream's events (`pinned`).
 */
export type ConsumerStrategy = 'round-robin' | 'dispatch-to-single' | 'pinned';
export const CONSUMER_STRATEGIES: readonly ConsumerStrategy[] = [
  'round-robin',
  'dispatch-to-single',
  'pinned',
];

/** What can change in a group after it was created. */
export interface GroupSettings {
  readonly consumerStrategy: ConsumerStrategy;
  /** Deliveries of one event before it is parked. */
  readonly maxRetryCount: number;
  /** An event not acknowledged within this time is delivered again. */
  readonly messageTimeoutMs: number;
  /** The server writes the group's position at most this often... */
  readonly checkpointAfterMs: number;
  /** ...once at least this many events are settled, and at once when this many are. */
  readonly minCheckpointCount: number;
  readonly maxCheckpointCount: number;
  /** Consumers at once; 0 for no limit. */
  readonly maxSubscriberCount: number;
}

export const DEFAULT_GROUP_SETTINGS: GroupSettings = {
  consumerStrategy: 'round-robin',
  maxRetryCount: 10,
  messageTimeoutMs: 30_000,
  checkpointAfterMs: 2_000,
  minCheckpointCount: 10,
  maxCheckpointCount: 1_000,
  maxSubscriberCount: 0,
};

export interface GroupDefinition extends GroupSettings {
  readonly name: string;
  /** Where the group starts: the first event, the next one written, or strictly after a position. */
  readonly startFrom: 'start' | 'end' | { readonly after: number };
  /** Event types or stream categories (one of the two: the server filters on one thing). */
  readonly filter?: LogFilter;
}

/** A group as the server reports it. */
export interface GroupInfo extends GroupSettings {
  readonly name: string;
  readonly status: string;
  readonly startFrom: 'start' | 'end' | { readonly after: number };
  readonly consumers: number;
  readonly inFlightMessages: number;
  readonly parkedMessages: number;
  readonly lastCheckpointedPosition: number | null;
  readonly lastKnownPosition: number | null;
}

/** One delivery to a consumer; settle it with `ack` or `nack`. */
export interface GroupMessage {
  readonly event: RecordedEvent;
  /** How many times it was delivered before. */
  readonly retryCount: number;
  ack(): Promise<void>;
  /** `park`: set aside until replayed; `retry`: deliver again; `skip`: drop it. */
  nack(action: 'park' | 'retry' | 'skip', reason: string): Promise<void>;
}

export interface GroupConsumer extends AsyncIterable<GroupMessage> {
  close(): Promise<void>;
}

/**
 * Persistent subscription groups for downstream systems: the server keeps each group's position,
 * shares its events among the group's consumers, retries, and parks what keeps failing.
 * An optional capability of a store: `downstreamGroupsOf(store)`.
 */
export interface DownstreamGroups {
  create(definition: GroupDefinition): Promise<GroupInfo>;
  update(name: string, settings: Partial<GroupSettings>): Promise<GroupInfo>;
  delete(name: string): Promise<void>;
  list(): Promise<GroupInfo[]>;
  get(name: string): Promise<GroupInfo>;
  /** Delivers the parked events again (all, or the first `stopAt`). */
  replayParked(name: string, options?: { readonly stopAt?: number }): Promise<void>;
  consume(name: string, options?: { readonly bufferSize?: number }): GroupConsumer;
}

/** A store that offers downstream groups (EventStoreDB). */
export interface WithDownstreamGroups {
  readonly downstreamGroups: DownstreamGroups;
}

/** The store's downstream groups, or `null` when it has none (the embedded store). */
export function downstreamGroupsOf(store: EventStore): DownstreamGroups | null {
  const groups = (store as Partial<WithDownstreamGroups>).downstreamGroups;
  return groups ?? null;
}

export class GroupNotFoundError extends EventStoreError {
  constructor(readonly group: string) {
    super(`there is no downstream group ${group}`);
  }
}

export class GroupExistsError extends EventStoreError {
  constructor(readonly group: string) {
    super(`the downstream group ${group} already exists`);
  }
}

/** Group names: letters, digits, `.`, `_`, `-`; up to 100, starting with a letter or digit. */
export const GROUP_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
