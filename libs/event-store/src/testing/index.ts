export { describeEventStoreContract } from './event-store.contract.js';
export {
  newEvent,
  newEvents,
  testMetadata,
  uniqueName,
  uniqueStream,
  type NewEventOverrides,
} from './event-builders.js';
export { puller, rejection, withTimeout } from './contract/store-fixture.js';
export { startNode, type NodeChild } from './child-process.js';
