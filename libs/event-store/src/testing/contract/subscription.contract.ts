import type { NewEvent } from '../../envelope.js';
import { StoreClosedError } from '../../errors.js';
import { newEvent, newEvents, uniqueName, uniqueStream } from '../event-builders.js';
import { ids, nextTick, puller, useStore, withTimeout, type OpenStore } from './store-fixture.js';

/** Catch-up subscriptions: replay, then live, each matching event once and in order. */
export function describeSubscriptions(open: OpenStore): void {
  describe('subscribeToAll', () => {
    const store = useStore(open);

    it('replays from a position, then delivers new events live', async () => {
      const stream = uniqueStream();
      const before = (await store().head()).position;
      const old = newEvents(3);
      await store().append(stream, old);
      const pull = puller(store().subscribeToAll({ after: before, batchSize: 2 }));
      expect(ids(await pull(3))).toEqual(ids(old));

      const live = newEvents(2);
      const waiting = pull(2);
      await nextTick();
      await store().append(stream, live);
      expect(ids(await waiting)).toEqual(ids(live));
    });

    it('starts strictly after the given position', async () => {
      const batch = newEvents(4);
      const { firstPosition } = await store().append(uniqueStream(), batch);
      const pull = puller(store().subscribeToAll({ after: firstPosition }));
      expect(ids(await pull(3))).toEqual(ids(batch.slice(1)));
    });

    it('delivers only what the filter matches, in replay and live', async () => {
      const [wanted, unwanted] = [uniqueName('Wanted'), uniqueName('Unwanted')];
      const category = uniqueName('filtered');
      const before = (await store().head()).position;
      const matching: NewEvent[] = [];
      const append = async (stream: string, types: string[]) => {
        const events = types.map((type) => newEvent(type));
        await store().append(stream, events);
        matching.push(...events.filter((event) => event.type === wanted && stream.startsWith(category)));
      };
      await append(uniqueStream(category), [wanted, unwanted, wanted]);
      await append(uniqueStream(), [wanted]);
      const filter = { eventTypes: [wanted], categories: [category] };
      const pull = puller(store().subscribeToAll({ after: before, filter, batchSize: 1 }));
      expect(ids(await pull(2))).toEqual(ids(matching));
      await append(uniqueStream(category), [unwanted, wanted]);
      await append(uniqueStream(), [wanted, unwanted]);
      await append(uniqueStream(category), [wanted]);
      expect(ids(await pull(2))).toEqual(ids(matching.slice(2)));
    });

    it('sees events appended while it replays exactly once and in order', async () => {
      const category = uniqueName('replay');
      const before = (await store().head()).position;
      for (let i = 0; i < 30; i++) await store().append(uniqueStream(category), newEvents(100));
      const filter = { categories: [category] };
      const pull = puller(store().subscribeToAll({ after: before, filter, batchSize: 64 }));
      const writer = (async () => {
        for (let i = 0; i < 20; i++) {
          await store().append(uniqueStream(category), newEvents(5));
          await nextTick();
        }
      })();
      const received = [];
      while (received.length < 3300) {
        const events = await pull(50);
        received.push(...events);
        if (events.length < 50) break;
        // Appends from inside the replay, between two pages.
        if (received.length % 150 === 0 && received.length <= 3000) {
          await store().append(uniqueStream(category), newEvents(10));
        }
        await nextTick();
      }
      await writer;
      const sentinel = newEvent('Sentinel');
      await store().append(uniqueStream(category), [sentinel]);
      expect(ids(await pull(1))).toEqual([sentinel.id]);
      expect(ids(received)).toEqual(ids(await store().readAll({ after: before, filter, limit: 3300 })));
    });

    it('ends a pending next() when the subscription closes', async () => {
      const subscription = store().subscribeToAll({ after: (await store().head()).position });
      const pending = subscription[Symbol.asyncIterator]().next();
      await nextTick();
      await subscription.close();
      expect(await withTimeout(pending, 2000)).toEqual({ done: true, value: undefined });
    });

    it('ends its subscriptions when the store closes, and refuses use after that', async () => {
      const subscription = store().subscribeToAll({ after: (await store().head()).position });
      const pending = subscription[Symbol.asyncIterator]().next();
      await nextTick();
      await store().close();
      expect(await withTimeout(pending, 2000)).toEqual({ done: true, value: undefined });
      await expect(store().append(uniqueStream(), [newEvent('Late')])).rejects.toBeInstanceOf(
        StoreClosedError,
      );
      await expect(store().readAll()).rejects.toBeInstanceOf(StoreClosedError);
      await expect(store().head()).rejects.toBeInstanceOf(StoreClosedError);
      expect(() => store().subscribeToAll()).toThrow(StoreClosedError);
    });

    it('ends when the consumer leaves a for-await loop', async () => {
      const before = (await store().head()).position;
      await store().append(uniqueStream(), newEvents(3));
      const seen: string[] = [];
      for await (const event of store().subscribeToAll({ after: before })) {
        seen.push(event.id);
        if (seen.length === 2) break;
      }
      expect(seen).toHaveLength(2);
    });
  });
}
