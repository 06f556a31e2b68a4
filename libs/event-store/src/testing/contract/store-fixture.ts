import type { RecordedEvent } from '../../envelope.js';
import type { EventStore, Subscription } from '../../event-store.js';

export type OpenStore = () => Promise<EventStore>;

/** A fresh store for each test, closed after it; call inside a `describe`. */
export function useStore(open: OpenStore): () => EventStore {
  let store: EventStore | undefined;
  beforeEach(async () => {
    store = await open();
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });
  return () => {
    if (!store) throw new Error('the store is only open inside a test');
    return store;
  };
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

/**
 * Pulls events from a subscription without ending it (unlike `break`); gives up after
 * `timeoutMs`, returning what it got, so a missing event fails an assertion rather than hanging.
 */
export function puller(
  subscription: Subscription,
): (count: number, timeoutMs?: number) => Promise<RecordedEvent[]> {
  const iterator = subscription[Symbol.asyncIterator]();
  return async (count, timeoutMs = 10_000) => {
    const events: RecordedEvent[] = [];
    const deadline = Date.now() + timeoutMs;
    while (events.length < count) {
      const result = await withTimeout(iterator.next(), deadline - Date.now());
      if (result === 'timeout' || result.done) break;
      events.push(result.value);
    }
    return events;
  };
}

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), Math.max(ms, 0));
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export const ids = (events: readonly { readonly id: string }[]): string[] => events.map((event) => event.id);

export const nextTick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
