import { describeEventStoreContract } from '../testing/index.js';
import { EsdbEventStore } from './esdb-event-store.js';

/** Against a real EventStoreDB/KurrentDB: `KURULTAI_ESDB_CONNECTION_STRING=esdb://localhost:2113?tls=false`. */
const connectionString = process.env.KURULTAI_ESDB_CONNECTION_STRING;

if (connectionString) {
  describeEventStoreContract(`EventStoreDB server at ${connectionString}`, () =>
    EsdbEventStore.open(connectionString),
  );
} else {
  describe('EventStoreDB server (set KURULTAI_ESDB_CONNECTION_STRING to run the contract against one)', () => {
    it.skip('is not configured', () => undefined);
  });
}
