import { StreamNotFoundError } from '../../errors.js';
import type { RecordedEvent } from '../../envelope.js';
import { newEvent, newEvents, uniqueName, uniqueStream } from '../event-builders.js';
import { ids, rejection, useStore, type OpenStore } from './store-fixture.js';

const revisions = (events: readonly RecordedEvent[]): number[] => events.map((event) => event.revision);

/** Reading one stream either way, and the global log after a position, filtered. */
export function describeReads(open: OpenStore): void {
  describe('readStream', () => {
    const store = useStore(open);
    let stream: string;
    beforeEach(async () => {
      stream = uniqueStream();
      await store().append(stream, newEvents(6));
    });

    it('reads forwards from the start, or from a revision with a limit', async () => {
      expect(revisions(await store().readStream(stream))).toEqual([0, 1, 2, 3, 4, 5]);
      expect(revisions(await store().readStream(stream, { fromRevision: 2, limit: 3 }))).toEqual([2, 3, 4]);
      expect(revisions(await store().readStream(stream, { fromRevision: 4, limit: 10 }))).toEqual([4, 5]);
      expect(await store().readStream(stream, { fromRevision: 6 })).toEqual([]);
    });

    it('reads backwards from the end, or from a revision with a limit', async () => {
      const direction = 'backwards';
      expect(revisions(await store().readStream(stream, { direction }))).toEqual([5, 4, 3, 2, 1, 0]);
      expect(revisions(await store().readStream(stream, { direction, fromRevision: 3, limit: 2 }))).toEqual([
        3, 2,
      ]);
      expect(revisions(await store().readStream(stream, { direction, limit: 1 }))).toEqual([5]);
      expect(revisions(await store().readStream(stream, { direction, fromRevision: 99, limit: 2 }))).toEqual([
        5, 4,
      ]);
    });

    it('throws StreamNotFoundError for a stream without events', async () => {
      const missing = uniqueStream();
      const error = await rejection(store().readStream(missing));
      expect(error).toBeInstanceOf(StreamNotFoundError);
      expect(error).toMatchObject({ stream: missing });
      await expect(store().readStream(missing, { direction: 'backwards' })).rejects.toBeInstanceOf(
        StreamNotFoundError,
      );
    });
  });

  describe('readAll and head', () => {
    const store = useStore(open);

    it('reads strictly after a position, with a limit', async () => {
      const before = (await store().head()).position;
      const batch = newEvents(5);
      await store().append(uniqueStream(), batch);
      const all = await store().readAll({ after: before });
      expect(ids(all)).toEqual(ids(batch));
      expect(ids(await store().readAll({ after: before, limit: 2 }))).toEqual(ids(batch.slice(0, 2)));
      expect(ids(await store().readAll({ after: all[1].position, limit: 2 }))).toEqual(
        ids(batch.slice(2, 4)),
      );
      expect(await store().readAll({ after: all[4].position })).toEqual([]);
    });

    it('filters by event type, by stream category, and by both', async () => {
      const [planned, adopted, other] = [uniqueName('Planned'), uniqueName('Adopted'), uniqueName('Other')];
      const [plan, meeting] = [uniqueName('plan'), uniqueName('meeting')];
      const before = (await store().head()).position;
      await store().append(uniqueStream(plan), [newEvent(planned), newEvent(other), newEvent(adopted)]);
      await store().append(uniqueStream(meeting), [newEvent(adopted), newEvent(planned)]);
      await store().append(uniqueStream(plan), [newEvent(planned)]);
      const read = async (eventTypes?: string[], categories?: string[]) =>
        (await store().readAll({ after: before, filter: { eventTypes, categories } })).map(
          (event) => `${event.type.slice(0, 4)}@${event.stream.slice(0, 4)}`,
        );
      expect(await read([planned, adopted])).toEqual([
        'Plan@plan',
        'Adop@plan',
        'Adop@meet',
        'Plan@meet',
        'Plan@plan',
      ]);
      expect(await read(undefined, [meeting])).toEqual(['Adop@meet', 'Plan@meet']);
      expect(await read([planned], [plan])).toEqual(['Plan@plan', 'Plan@plan']);
      expect(await read([], [])).toHaveLength(6);
      expect(await read([planned, planned], [plan, plan])).toEqual(['Plan@plan', 'Plan@plan']);
      expect(await read([uniqueName('Nothing')])).toEqual([]);
    });

    it('tells the position and time of the last event', async () => {
      const empty = await store().head();
      if (empty.position === 0) expect(empty.recordedAt).toBeNull();
      const recordedAt = '2024-11-18T05:31:02.123Z';
      const result = await store().append(uniqueStream(), [
        newEvent('Tested', {}, { metadata: { recordedAt } }),
      ]);
      expect(await store().head()).toEqual({ position: result.position, recordedAt });
      expect(result.position).toBeGreaterThan(empty.position);
    });
  });
}
