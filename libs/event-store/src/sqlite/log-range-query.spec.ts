import fc from 'fast-check';
import type { RecordedEvent } from '../envelope.js';
import type { LogFilter } from '../event-store.js';
import { newEvent } from '../testing/index.js';
import { SqliteEventStore } from './sqlite-event-store.js';

const TYPES = Array.from({ length: 80 }, (_, n) => `Type${n}`);
const CATEGORIES = ['plan', 'meeting', 'protocol', 'activity', 'state'];

function expected(log: readonly RecordedEvent[], after: number, limit: number, filter: LogFilter) {
  const matches = (list: readonly string[] | undefined, value: string) =>
    !list?.length || list.includes(value);
  return log
    .filter((event) => event.position > after)
    .filter((event) => matches(filter.eventTypes, event.type))
    .filter((event) => matches(filter.categories, event.stream.split('-')[0]))
    .slice(0, limit);
}

describe('SqliteEventStore.readAll with filters of every shape', () => {
  let store: SqliteEventStore;
  let log: RecordedEvent[];
  beforeAll(async () => {
    store = await SqliteEventStore.open(':memory:');
    for (let n = 0; n < 400; n++) {
      const stream = `${CATEGORIES[n % CATEGORIES.length]}-${n % 7}`;
      await store.append(stream, [newEvent(TYPES[(n * 13) % TYPES.length]), newEvent(TYPES[n % 3])]);
    }
    log = await store.readAll();
  });
  afterAll(() => store.close());

  it('returns what filtering the whole log in memory returns (one value, many, more than 64, repeated)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.option(fc.array(fc.constantFrom(...TYPES, 'Unknown'), { maxLength: 90, size: 'max' }), {
          nil: undefined,
        }),
        fc.option(fc.array(fc.constantFrom(...CATEGORIES, 'nothing'), { maxLength: 7 }), { nil: undefined }),
        fc.integer({ min: 0, max: 820 }),
        fc.integer({ min: 1, max: 300 }),
        async (eventTypes, categories, after, limit) => {
          const filter = { eventTypes, categories };
          const read = await store.readAll({ after, limit, filter });
          expect(read.map((event) => event.position)).toEqual(
            expected(log, after, limit, filter).map((event) => event.position),
          );
        },
      ),
      { numRuns: 300, examples: [[[...TYPES, ...TYPES], ['plan', 'plan'], 0, 300]] },
    );
  });
});
