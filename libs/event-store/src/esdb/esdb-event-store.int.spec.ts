import { describeEventStoreContract } from '../testing/index.js';
import { EsdbEventStore } from './esdb-event-store.js';
import { EsdbProtocolDouble } from './testing/esdb-protocol-double.js';

let double: EsdbProtocolDouble;
beforeAll(async () => {
  double = await EsdbProtocolDouble.start();
});
afterAll(() => double.stop());

// The client picks BatchAppend whenever the server announces it; each path is forced once.
describeEventStoreContract('EventStoreDB over gRPC to the protocol double, Streams.Append', () =>
  EsdbEventStore.open(double.connectionString, { appendPath: 'append' }),
);
describeEventStoreContract('EventStoreDB over gRPC to the protocol double, Streams.BatchAppend', () =>
  EsdbEventStore.open(double.connectionString, { appendPath: 'batch', batchAppendSize: 512 }),
);
