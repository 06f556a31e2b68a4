import { jsonEvent } from '@eventstore/db-client';
import { newEvent, testMetadata, uniqueStream } from '../testing/index.js';
import { AUDIT_KEY, chainLinks, GENESIS_HASH } from './esdb-audit-chain.js';
import { EsdbEventStore } from './esdb-event-store.js';
import { EsdbProtocolDouble } from './testing/esdb-protocol-double.js';

/** One chain per stream on EventStoreDB (DESIGN §8), carried in the metadata, guarded by the expected revision. */
describe('EventStoreDB adapter: the audit chain of each stream', () => {
  let double: EsdbProtocolDouble;
  let store: EsdbEventStore;

  beforeEach(async () => {
    double = await EsdbProtocolDouble.start();
    store = await EsdbEventStore.open(double.connectionString);
  });
  afterEach(async () => {
    await store.close();
    await double.stop();
  });

  /** Writes around the adapter, as someone with access to the server could. */
  const forge = (stream: string, metadata: Record<string, unknown>, data: Record<string, unknown> = {}) =>
    store.client.appendToStream(stream, jsonEvent({ type: 'Forged', data, metadata }));

  it('links every event to the one before it in its stream, also when writers race under any', async () => {
    const a = uniqueStream('plan');
    const b = uniqueStream('meeting');
    await store.append(a, [newEvent('PlanDrafted', { n: 0 }), newEvent('ActivityAddedToPlan', { n: 1 })]);
    await store.append(b, [newEvent('MeetingScheduled')]);
    await Promise.all(Array.from({ length: 8 }, (_, n) => store.append(a, [newEvent('PlanAmended', { n })])));

    const links: { prevHash: string; hash: string }[] = [];
    for await (const resolved of store.client.readStream(a))
      links.push((resolved.event!.metadata as Record<string, never>)[AUDIT_KEY]);
    expect(links).toHaveLength(10);
    expect(links[0].prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < links.length; i++) expect(links[i].prevHash).toBe(links[i - 1].hash);
    // The port's events do not show the link: they are the same on every store.
    const [first] = await store.readStream(a);
    expect(first.metadata).not.toHaveProperty(AUDIT_KEY);

    expect(await store.verifyChains()).toEqual({ ok: true, streams: 2, events: 11, problems: [] });
  });

  it('tells an event written around the adapter, an edited one and one out of its chain', async () => {
    const missing = uniqueStream('plan');
    await store.append(missing, [newEvent('PlanDrafted')]);
    await forge(missing, { ...testMetadata() });

    const edited = uniqueStream('plan');
    await store.append(edited, [newEvent('PlanDrafted')]);
    const honest = newEvent('PlanAmended', { title: 'as agreed' });
    const [link] = chainLinks(edited, 0, hashOf(await rawMetadata(edited, 0)), [honest]);
    await forge(edited, { ...honest.metadata, schemaVersion: 1, [AUDIT_KEY]: link }, { title: 'as edited' });

    const unlinked = uniqueStream('plan');
    await store.append(unlinked, [newEvent('PlanDrafted')]);
    const stranger = newEvent('PlanAmended');
    const [wrong] = chainLinks(unlinked, 0, GENESIS_HASH, [stranger]);
    await forge(unlinked, { ...stranger.metadata, schemaVersion: 1, [AUDIT_KEY]: wrong }, stranger.data);

    const report = await store.verifyChains();
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      expect.objectContaining({ stream: missing, revision: 1, problem: 'missing' }),
      expect.objectContaining({ stream: edited, revision: 1, problem: 'edited' }),
      expect.objectContaining({ stream: unlinked, revision: 1, problem: 'unlinked' }),
    ]);
  });

  async function rawMetadata(stream: string, revision: number): Promise<Record<string, unknown>> {
    const found: Record<string, unknown>[] = [];
    for await (const resolved of store.client.readStream(stream, {
      fromRevision: BigInt(revision),
      maxCount: 1,
    }))
      found.push(resolved.event!.metadata as Record<string, unknown>);
    if (!found[0]) throw new Error(`no event at ${stream}@${revision}`);
    return found[0];
  }
});

function hashOf(metadata: Record<string, unknown>): string {
  return (metadata[AUDIT_KEY] as { hash: string }).hash;
}
