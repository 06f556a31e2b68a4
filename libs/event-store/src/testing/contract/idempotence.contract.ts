import { DuplicateEventIdError } from '../../errors.js';
import { newEvent, newEvents, uniqueStream } from '../event-builders.js';
import { ids, rejection, useStore, type OpenStore } from './store-fixture.js';

/** Event ids de-duplicate retries: the same batch again is a no-op, an overlap is a conflict. */
export function describeIdempotence(open: OpenStore): void {
  describe('idempotent appends', () => {
    const store = useStore(open);

    it('returns the first result again for the same ids, writing nothing, whatever is expected', async () => {
      const stream = uniqueStream();
      const batch = newEvents(3);
      const first = await store().append(stream, batch, { expectedRevision: 'no_stream' });
      await store().append(stream, [newEvent('Later')]);
      const head = await store().head();
      for (const expectedRevision of ['any', 'no_stream', 0, 7] as const) {
        expect(await store().append(stream, batch, { expectedRevision })).toEqual({
          ...first,
          idempotent: true,
        });
      }
      expect(await store().head()).toEqual(head);
      expect(await store().readStream(stream)).toHaveLength(4);
    });

    it('recognises a retried tail of an earlier batch', async () => {
      const stream = uniqueStream();
      const batch = newEvents(3);
      await store().append(stream, batch);
      const stored = await store().readStream(stream);
      expect(await store().append(stream, batch.slice(1))).toEqual({
        stream,
        revision: 2,
        firstPosition: stored[1].position,
        position: stored[2].position,
        positions: [stored[1].position, stored[2].position],
        idempotent: true,
      });
    });

    it('refuses a batch that overlaps stored events only in part, writing nothing', async () => {
      const stream = uniqueStream();
      const [a, b, c] = newEvents(3);
      await store().append(stream, [a, b, c]);
      const head = await store().head();
      const overlaps = [
        [a, b, newEvent('New')],
        [c, newEvent('New')],
        [a, c],
        [newEvent('New'), b],
        [b, a],
      ];
      for (const batch of overlaps) {
        expect(await rejection(store().append(stream, batch))).toBeInstanceOf(DuplicateEventIdError);
      }
      expect(await store().head()).toEqual(head);
      expect(ids(await store().readStream(stream))).toEqual(ids([a, b, c]));
    });

    it('refuses an id that is stored in another stream', async () => {
      const event = newEvent('Tested');
      await store().append(uniqueStream(), [event]);
      const other = uniqueStream();
      const error = await rejection(store().append(other, [event]));
      expect(error).toBeInstanceOf(DuplicateEventIdError);
      expect(error).toMatchObject({ eventId: event.id, stream: other });
    });
  });
}
