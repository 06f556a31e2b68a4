import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WrongExpectedVersionError } from '../errors.js';
import { newEvent, uniqueStream } from '../testing/index.js';
import { SqliteEventStore } from './sqlite-event-store.js';

describe('SqliteEventStore under concurrent appends in one process', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kurultai-concurrency-'));
    store = await SqliteEventStore.open(join(dir, 'events.sqlite'));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets one of 200 appends expecting the same revision through, and refuses the others', async () => {
    const stream = uniqueStream();
    await store.append(stream, [newEvent('Opened')]);
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, (_, n) =>
        store.append(stream, [newEvent('Raced', { n })], { expectedRevision: 0 }),
      ),
    );
    const refused = results.filter((result) => result.status === 'rejected');
    expect(results.length - refused.length).toBe(1);
    for (const { reason } of refused) {
      expect(reason).toBeInstanceOf(WrongExpectedVersionError);
      expect(reason).toMatchObject({ stream, expected: 0, actual: 1 });
    }
    expect(await store.readStream(stream)).toHaveLength(2);
  });

  it('loses and doubles nothing when 20 writers read, decide and retry 200 appends', async () => {
    const stream = uniqueStream();
    let conflicts = 0;
    const writer = async (writerId: number) => {
      for (let n = 0; n < 10; n++) {
        for (;;) {
          const last = (
            await store.readStream(stream, { direction: 'backwards', limit: 1 }).catch(() => [])
          )[0];
          await new Promise((resolve) => setImmediate(resolve));
          try {
            const expectedRevision = last ? last.revision : 'no_stream';
            await store.append(stream, [newEvent('Written', { writerId, n })], { expectedRevision });
            break;
          } catch (error) {
            if (!(error instanceof WrongExpectedVersionError)) throw error;
            expect(error.actual).toBeGreaterThan(last ? last.revision : -1);
            conflicts++;
          }
        }
      }
    };
    await Promise.all(Array.from({ length: 20 }, (_, writerId) => writer(writerId)));

    const events = await store.readStream(stream);
    expect(events.map((event) => event.revision)).toEqual(Array.from({ length: 200 }, (_, n) => n));
    const written = new Set(events.map((event) => `${event.data.writerId}/${event.data.n}`));
    expect(written.size).toBe(200);
    expect(conflicts).toBeGreaterThan(0);
    const positions = events.map((event) => event.position);
    expect(positions).toEqual(Array.from({ length: 200 }, (_, n) => positions[0] + n));
  });
});
