import { describeEventStoreContract } from '../testing/index.js';
import { EsdbEventStore } from './esdb-event-store.js';
import { EsdbProtocolDouble } from './testing/esdb-protocol-double.js';

let double: EsdbProtocolDouble;
beforeAll(async () => {
  double = await EsdbProtocolDouble.start();
});
afterAll(() => double.stop());

describeEventStoreContract('EventStoreDB over gRPC to the in-memory protocol double', () =>
  EsdbEventStore.open(double.connectionString),
);
