import { describeAppend } from './contract/append.contract.js';
import { describeEnvelope } from './contract/envelope.contract.js';
import { describeExpectedRevision } from './contract/expected-revision.contract.js';
import { describeIdempotence } from './contract/idempotence.contract.js';
import { describeReads } from './contract/read.contract.js';
import type { OpenStore } from './contract/store-fixture.js';
import { describeSubscriptions } from './contract/subscription.contract.js';

/**
 * The behaviour every `EventStore` adapter must have. Bind an adapter in one line:
 * `describeEventStoreContract('SqliteEventStore', () => SqliteEventStore.open(':memory:'))`.
 * `open` is called before each test; the suite only touches streams, types and categories of
 * its own, so it also runs against a shared store that already holds events.
 */
export function describeEventStoreContract(name: string, open: OpenStore): void {
  describe(`EventStore contract: ${name}`, () => {
    describeExpectedRevision(open);
    describeAppend(open);
    describeIdempotence(open);
    describeReads(open);
    describeEnvelope(open);
    describeSubscriptions(open);
  });
}
