import {
  streamCategory,
  WrongExpectedVersionError,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type NewEvent,
} from '#event-store';
import type { EngineMetrics } from './metrics.js';

/**
 * The store as the engine uses it, counting what is appended and the concurrency conflicts.
 * Everything else is the store itself (a proxy, so that methods an adapter adds stay reachable).
 */
export function instrumentStore<S extends EventStore>(store: S, metrics: EngineMetrics): S {
  const append = async (
    stream: string,
    events: readonly NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult> => {
    try {
      const result = await store.append(stream, events, options);
      if (!result.idempotent && events.length > 0)
        metrics.appendedEvents.inc({ stream_category: streamCategory(stream) }, events.length);
      return result;
    } catch (error) {
      if (error instanceof WrongExpectedVersionError)
        metrics.concurrencyConflicts.inc({ stream_category: streamCategory(stream) });
      throw error;
    }
  };
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'append') return append;
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
