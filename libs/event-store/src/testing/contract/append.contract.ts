import { DuplicateEventIdError, InvalidArgumentError, StreamNotFoundError } from '../../errors.js';
import type { NewEvent } from '../../envelope.js';
import { newEvent, newEvents, uniqueStream } from '../event-builders.js';
import { ids, rejection, useStore, type OpenStore } from './store-fixture.js';

/** Appends are atomic, ordered, validated; an empty append only checks the expectation. */
export function describeAppend(open: OpenStore): void {
  describe('append', () => {
    const store = useStore(open);

    it('appends a batch at consecutive revisions and rising positions', async () => {
      const stream = uniqueStream();
      const batch = newEvents(5);
      const result = await store().append(stream, batch, { expectedRevision: 'no_stream' });
      const stored = await store().readStream(stream);
      expect(ids(stored)).toEqual(ids(batch));
      expect(stored.map((event) => event.revision)).toEqual([0, 1, 2, 3, 4]);
      expect(result).toEqual({
        stream,
        revision: 4,
        firstPosition: stored[0].position,
        position: stored[4].position,
        positions: stored.map((event) => event.position),
        idempotent: false,
      });
      const positions = stored.map((event) => event.position);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(new Set(positions).size).toBe(5);
    });

    it('keeps a batch together in the global log', async () => {
      const before = await store().head();
      const batch = newEvents(4);
      await store().append(uniqueStream(), batch);
      expect(ids(await store().readAll({ after: before.position }))).toEqual(ids(batch));
    });

    it('writes nothing of a batch that fails part way (an id stored elsewhere)', async () => {
      const taken = newEvent('Taken');
      await store().append(uniqueStream(), [taken]);
      const stream = uniqueStream();
      const head = await store().head();
      const error = await rejection(store().append(stream, [newEvent('New'), newEvent('New'), taken]));
      expect(error).toBeInstanceOf(DuplicateEventIdError);
      expect(error).toMatchObject({ eventId: taken.id, stream });
      expect(await store().head()).toEqual(head);
      await expect(store().readStream(stream)).rejects.toBeInstanceOf(StreamNotFoundError);
    });

    it('checks an empty append without writing anything', async () => {
      const missing = uniqueStream();
      const head = await store().head();
      expect(await store().append(missing, [], { expectedRevision: 'no_stream' })).toEqual({
        stream: missing,
        revision: -1,
        firstPosition: head.position,
        position: head.position,
        positions: [],
        idempotent: false,
      });
      await expect(store().readStream(missing)).rejects.toBeInstanceOf(StreamNotFoundError);

      const existing = uniqueStream();
      const appended = await store().append(existing, newEvents(2));
      expect(await store().append(existing, [], { expectedRevision: 1 })).toEqual({
        ...appended,
        firstPosition: appended.position,
        positions: [],
      });
      await expect(store().append(existing, [], { expectedRevision: 'no_stream' })).rejects.toMatchObject({
        actual: 1,
      });
      expect(await store().readStream(existing)).toHaveLength(2);
    });

    const invalid: [string, string, () => NewEvent[]][] = [
      ['an empty stream name', '', () => [newEvent('Tested')]],
      ['twin ids in one batch', uniqueStream(), () => twins()],
      ['an empty type', uniqueStream(), () => [newEvent('')]],
    ];
    it.each(invalid)('refuses %s', async (_case, stream, events) => {
      const head = await store().head();
      await expect(store().append(stream, events())).rejects.toBeInstanceOf(InvalidArgumentError);
      expect(await store().head()).toEqual(head);
    });

    it('refuses a negative expected revision', async () => {
      await expect(
        store().append(uniqueStream(), [newEvent('Tested')], { expectedRevision: -1 }),
      ).rejects.toBeInstanceOf(InvalidArgumentError);
    });
  });
}

function twins(): NewEvent[] {
  const event = newEvent('Tested');
  return [event, { ...event, data: { twin: true } }];
}
