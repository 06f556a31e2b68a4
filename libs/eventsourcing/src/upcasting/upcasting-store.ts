import type {
  AppendOptions,
  AppendResult,
  EventStore,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '#event-store';
import type { Upcasters } from './upcasters.js';

/** Injection token of the domain's upcasters; the store is decorated when it is provided. */
export const EVENT_UPCASTERS = Symbol.for('kurultai.EventUpcasters');

/**
 * The store as the engine reads it: every event comes out as its type's current schema version,
 * upcast on read, so deciders, projections, feeds and webhooks see one shape. The stored bytes
 * (and so the audit hash chain, which reads the file itself) are never touched.
 */
export function upcastingStore<S extends EventStore>(store: S, upcasters: Upcasters): S {
  const upcast = (events: RecordedEvent[]) => events.map((event) => upcasters.upcast(event));
  const methods: Partial<EventStore> = {
    append: (stream: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult> =>
      store.append(
        stream,
        events.map((event) => upcasters.stamp(event)),
        options,
      ),
    readStream: async (stream: string, options?: ReadStreamOptions) =>
      upcast(await store.readStream(stream, options)),
    readAll: async (options?: ReadAllOptions) => upcast(await store.readAll(options)),
    subscribeToAll: (options?: SubscribeOptions): Subscription => {
      const subscription = store.subscribeToAll(options);
      return {
        close: () => subscription.close(),
        async *[Symbol.asyncIterator]() {
          for await (const event of subscription) yield upcasters.upcast(event);
        },
      };
    },
  };
  return new Proxy(store, {
    get(target, property, receiver) {
      if (Object.hasOwn(methods, property)) return methods[property as keyof EventStore];
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
