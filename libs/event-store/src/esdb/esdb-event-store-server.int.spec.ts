import { describeEventStoreContract } from '../testing/index.js';
import { EsdbEventStore } from './esdb-event-store.js';

/** Against a real EventStoreDB/KurrentDB: `KURULTAI_ESDB_CONNECTION_STRING=esdb://localhost:2113?tls=false`. */
const connectionString = process.env.KURULTAI_ESDB_CONNECTION_STRING;

if (connectionString) {
  describeEventStoreContract(`EventStoreDB server at ${connectionString}, Streams.Append`, () =>
    EsdbEventStore.open(connectionString, { appendPath: 'append' }),
  );
  describeEventStoreContract(`EventStoreDB server at ${connectionString}, Streams.BatchAppend`, () =>
    EsdbEventStore.open(connectionString, { appendPath: 'batch' }),
  );
} else {
  describe('EventStoreDB server (set KURULTAI_ESDB_CONNECTION_STRING to run the contract against one)', () => {
    it.skip('is not configured', () => undefined);
  });
}
