import { LRUCache } from 'lru-cache';
import type { EventStore } from '#event-store';

/** What a command already wrote to a stream: enough to give its first reply again. */
export interface WrittenCommand {
  /** The request fingerprint of the command's first event (see `CommandContext.commandHash`). */
  readonly commandHash: unknown;
  /** Revision of the command's last event. */
  revision: number;
  readonly events: { readonly id: string; readonly type: string; readonly position: number }[];
}

/** A stream folded up to `revision`, with the commands its events came from. */
export interface FoldedStream {
  /** The decider whose `evolve` folded `state`: another decider of the same stream misses. */
  readonly decider: object;
  /** Revision of the last event folded (-1: none). */
  readonly revision: number;
  readonly state: unknown;
  /** By command id; grows as later events are folded (they are facts of the stream whatever its revision). */
  readonly commands: Map<string, WrittenCommand>;
  /** Events folded into this entry: its size for the cache's bound. */
  readonly events: number;
}

export interface StateCacheOptions {
  /** Most streams held. */
  readonly maxStreams: number;
  /** Most folded events held across all streams (an entry counts its events plus one). */
  readonly maxEvents: number;
}

/**
 * A bounded cache of folded aggregate state, keyed by stream and revision: a command reads only
 * the events after the cached revision and folds them onto the cached state. An entry is never
 * trusted beyond its revision, so it cannot be stale: the store says what came after it. States
 * must be immutable values (`evolve` returns a new state, as DESIGN §5 asks), since commands
 * in flight share them.
 */
export class StateCache {
  private readonly lru: LRUCache<string, FoldedStream>;
  hits = 0;
  misses = 0;
  evictions = 0;

  constructor(options: StateCacheOptions) {
    if (!Number.isSafeInteger(options.maxStreams) || options.maxStreams < 1)
      throw new RangeError(`maxStreams must be a whole number >= 1, not ${options.maxStreams}`);
    if (!Number.isSafeInteger(options.maxEvents) || options.maxEvents < 1)
      throw new RangeError(`maxEvents must be a whole number >= 1, not ${options.maxEvents}`);
    this.lru = new LRUCache<string, FoldedStream>({
      max: options.maxStreams,
      maxSize: options.maxEvents,
      sizeCalculation: (entry) => entry.events + 1,
      dispose: (_entry, _stream, reason) => {
        if (reason === 'evict') this.evictions++;
      },
    });
  }

  /** The cached fold of `stream` by `decider`, counted as a hit or a miss. */
  get(stream: string, decider: object): FoldedStream | undefined {
    const entry = this.lru.get(stream);
    if (entry && entry.decider === decider) {
      this.hits++;
      return entry;
    }
    this.misses++;
    return undefined;
  }

  /** Keeps `entry` unless a later revision of the stream is cached already. */
  set(stream: string, entry: FoldedStream): void {
    const current = this.lru.peek(stream);
    if (current && current.decider === entry.decider && current.revision > entry.revision) return;
    this.lru.set(stream, entry);
  }

  /** Forgets the stream: the next command reads it whole. */
  evict(stream: string): void {
    this.lru.delete(stream);
  }

  get size(): number {
    return this.lru.size;
  }

  /** Folded events held. */
  get events(): number {
    return this.lru.calculatedSize;
  }
}

const attached = new WeakMap<EventStore, StateCache>();

/** Makes `cache` the state cache of every command run against `store` (the engine's wiring). */
export function attachStateCache(store: EventStore, cache: StateCache): void {
  attached.set(store, cache);
}

/** The state cache attached to `store`, if any. */
export function stateCacheOf(store: EventStore): StateCache | undefined {
  return attached.get(store);
}
