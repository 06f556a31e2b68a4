import { Counter, Gauge, Histogram } from 'prom-client';
import type { EngineMetrics } from './observability/metrics.js';
import type { StateCache } from './state-cache.js';

/** A store that commits appends in groups and says how big each was (the SQLite store does). */
export interface GroupCommitting {
  onGroupCommit(listener: (group: { readonly appends: number; readonly events: number }) => void): () => void;
}

export function isGroupCommitting(store: object): store is GroupCommitting {
  return typeof (store as Partial<GroupCommitting>).onGroupCommit === 'function';
}

/**
 * Adds the write path to the engine's metrics: hits, misses and evictions of the state cache
 * (read at scrape time), and the size of every group commit.
 */
export function observeWritePath(
  metrics: EngineMetrics,
  parts: { readonly states?: StateCache | null; readonly store?: object },
  prefix = 'kurultai_',
): void {
  const registers = [metrics.registry];
  const states = parts.states;
  if (states) {
    const counted = (name: string, help: string, read: () => number) =>
      new Counter({
        name: `${prefix}state_cache_${name}_total`,
        help,
        registers,
        collect() {
          this.reset();
          this.inc(read());
        },
      });
    counted('hits', 'Commands that started from a cached fold of their stream', () => states.hits);
    counted('misses', 'Commands that read their stream from the start', () => states.misses);
    counted(
      'evictions',
      'Streams dropped from the state cache to stay within its bounds',
      () => states.evictions,
    );
    new Gauge({
      name: `${prefix}state_cache_streams`,
      help: 'Streams whose folded state is cached',
      registers,
      collect() {
        this.set(states.size);
      },
    });
    new Gauge({
      name: `${prefix}state_cache_events`,
      help: 'Events folded into the cached states (the bound the cache keeps)',
      registers,
      collect() {
        this.set(states.events);
      },
    });
  }
  if (parts.store && isGroupCommitting(parts.store)) {
    const appends = new Histogram({
      name: `${prefix}group_commit_appends`,
      help: 'Appends committed together in one transaction (group commit)',
      buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
      registers,
    });
    const events = new Histogram({
      name: `${prefix}group_commit_events`,
      help: 'Events written by one group-commit transaction',
      buckets: [0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 1024],
      registers,
    });
    parts.store.onGroupCommit((group) => {
      appends.observe(group.appends);
      events.observe(group.events);
    });
  }
}
