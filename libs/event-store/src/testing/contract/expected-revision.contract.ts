import { StreamNotFoundError, WrongExpectedVersionError } from '../../errors.js';
import type { ExpectedRevision } from '../../event-store.js';
import { newEvent, newEvents, uniqueStream } from '../event-builders.js';
import { rejection, useStore, type OpenStore } from './store-fixture.js';

/** Optimistic concurrency: every expected-revision mode, accepted and refused. */
export function describeExpectedRevision(open: OpenStore): void {
  describe('expected revision', () => {
    const store = useStore(open);

    async function streamAt(lastRevision: number | null): Promise<string> {
      const stream = uniqueStream();
      if (lastRevision !== null) await store().append(stream, newEvents(lastRevision + 1));
      return stream;
    }

    const accepted: [ExpectedRevision, number | null][] = [
      ['any', null],
      ['any', 2],
      ['no_stream', null],
      ['stream_exists', 0],
      ['stream_exists', 3],
      [0, 0],
      [4, 4],
    ];
    it.each(accepted)('accepts %p when the stream is at %p', async (expected, lastRevision) => {
      const stream = await streamAt(lastRevision);
      const result = await store().append(stream, [newEvent('Tested')], { expectedRevision: expected });
      expect(result).toMatchObject({ stream, revision: (lastRevision ?? -1) + 1, idempotent: false });
      expect(await store().readStream(stream)).toHaveLength((lastRevision ?? -1) + 2);
    });

    const refused: [ExpectedRevision, number | null][] = [
      ['no_stream', 0],
      ['no_stream', 3],
      ['stream_exists', null],
      [0, null],
      [1, 0],
      [0, 1],
      [5, 3],
    ];
    it.each(refused)(
      'refuses %p when the stream is at %p, writing nothing',
      async (expected, lastRevision) => {
        const stream = await streamAt(lastRevision);
        const head = await store().head();
        const error = await rejection(store().append(stream, newEvents(3), { expectedRevision: expected }));
        expect(error).toBeInstanceOf(WrongExpectedVersionError);
        expect(error).toMatchObject({ stream, expected, actual: lastRevision });
        expect(await store().head()).toEqual(head);
        if (lastRevision === null) {
          await expect(store().readStream(stream)).rejects.toBeInstanceOf(StreamNotFoundError);
        } else {
          expect(await store().readStream(stream)).toHaveLength(lastRevision + 1);
        }
      },
    );

    it('defaults to any', async () => {
      const stream = await streamAt(1);
      expect((await store().append(stream, [newEvent('Tested')])).revision).toBe(2);
    });

    it('lets exactly one of two writers that read the same revision append', async () => {
      const stream = await streamAt(0);
      const results = await Promise.allSettled([
        store().append(stream, [newEvent('First')], { expectedRevision: 0 }),
        store().append(stream, [newEvent('Second')], { expectedRevision: 0 }),
      ]);
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      const [refusal] = results.filter((result) => result.status === 'rejected');
      expect(refusal.reason).toBeInstanceOf(WrongExpectedVersionError);
      expect(refusal.reason).toMatchObject({ actual: 1 });
      expect(await store().readStream(stream)).toHaveLength(2);
    });
  });
}
