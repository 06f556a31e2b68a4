import { join } from 'node:path';
import { EsdbEventStore } from '../../libs/event-store/src/esdb/esdb-event-store.js';
import { SqliteEventStore } from '../../libs/event-store/src/sqlite/sqlite-event-store.js';
import type { EventStore } from '../../libs/event-store/src/event-store.js';
import { OTS_STATE_REGISTRATIONS } from '../../libs/coordination/src/states/testing/ots-states.js';
import { startEngine } from '../support/engine.js';
import { testStoreEnv, testStoreIsEsdb } from './test-store.js';

/** Which store the end-to-end specs of this run use (`npm run test:esdb` puts them on EventStoreDB). */
describe(`the end-to-end specs' store (${testStoreIsEsdb() ? 'the EventStoreDB double' : 'SQLite'})`, () => {
  /** The data folder's log, opened beside the engine: the double's, or the SQLite file. */
  const logOf = async (dataDir: string): Promise<EventStore> => {
    const env = await testStoreEnv(dataDir);
    return env.KURULTAI_ESDB_CONNECTION_STRING
      ? EsdbEventStore.open(env.KURULTAI_ESDB_CONNECTION_STRING)
      : SqliteEventStore.open(join(dataDir, 'events.sqlite'));
  };
  const typesIn = async (dataDir: string) => {
    const log = await logOf(dataDir);
    try {
      return (await log.readAll()).map((event) => event.type);
    } finally {
      await log.close();
    }
  };

  it('records in it, and an engine restarted on the same data folder finds the log again', async () => {
    const first = await startEngine();
    expect((await first.post('/api/commands/RegisterState', OTS_STATE_REGISTRATIONS[0])).status).toBe(200);
    expect(await typesIn(first.dataDir)).toEqual(['StateRegistered']);
    await first.close({ keepData: true });

    const again = await startEngine({}, first.dataDir);
    try {
      expect((await again.post('/api/commands/RegisterState', OTS_STATE_REGISTRATIONS[1])).status).toBe(200);
      expect((await again.get('/api/states/KZ')).status).toBe(200);
      expect(await typesIn(again.dataDir)).toEqual(['StateRegistered', 'StateRegistered']);
    } finally {
      await again.close();
    }
  });
});
