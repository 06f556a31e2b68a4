import {
  DEFAULT_GROUP_SETTINGS,
  GroupExistsError,
  GroupNotFoundError,
  type GroupConsumer,
  type GroupMessage,
} from '../downstream-groups.js';
import { InvalidArgumentError } from '../errors.js';
import { newEvent, uniqueName, uniqueStream, withTimeout } from '../testing/index.js';
import { EsdbEventStore } from './esdb-event-store.js';
import { EsdbProtocolDouble } from './testing/esdb-protocol-double.js';

/** Pulls `count` messages from a consumer without ending it; fewer when none come within `ms`. */
function receiver(consumer: GroupConsumer) {
  const iterator = consumer[Symbol.asyncIterator]();
  // A pull that timed out is still waiting for the next message: the next call takes it over.
  let pending: Promise<IteratorResult<GroupMessage>> | undefined;
  return async (count: number, ms = 5_000): Promise<GroupMessage[]> => {
    const got: GroupMessage[] = [];
    const deadline = Date.now() + ms;
    while (got.length < count) {
      pending ??= iterator.next();
      const next = await withTimeout(pending, deadline - Date.now());
      if (next === 'timeout') break;
      pending = undefined;
      if (next.done) break;
      got.push(next.value);
    }
    return got;
  };
}

describe('EventStoreDB downstream groups (persistent subscriptions to $all) over gRPC to the double', () => {
  let double: EsdbProtocolDouble;
  let store: EsdbEventStore;
  const consumers: GroupConsumer[] = [];

  beforeEach(async () => {
    double = await EsdbProtocolDouble.start();
    store = await EsdbEventStore.open(double.connectionString);
  });
  afterEach(async () => {
    for (const consumer of consumers.splice(0)) await consumer.close().catch(() => undefined);
    await store.close();
    await double.stop();
  });

  const groups = () => store.downstreamGroups;
  const consume = (name: string, bufferSize = 10) => {
    const consumer = groups().consume(name, { bufferSize });
    consumers.push(consumer);
    return receiver(consumer);
  };

  it('creates, lists, updates and deletes a group with its strategy and retry settings', async () => {
    const name = uniqueName('portal');
    const created = await groups().create({
      ...DEFAULT_GROUP_SETTINGS,
      name,
      startFrom: 'start',
      consumerStrategy: 'pinned',
      maxRetryCount: 3,
      messageTimeoutMs: 5_000,
      checkpointAfterMs: 1_000,
      minCheckpointCount: 5,
      maxCheckpointCount: 50,
      maxSubscriberCount: 4,
    });
    expect(created).toMatchObject({
      name,
      startFrom: 'start',
      consumerStrategy: 'pinned',
      maxRetryCount: 3,
      messageTimeoutMs: 5_000,
      checkpointAfterMs: 1_000,
      minCheckpointCount: 5,
      maxCheckpointCount: 50,
      maxSubscriberCount: 4,
      consumers: 0,
      parkedMessages: 0,
    });
    await expect(
      groups().create({ ...DEFAULT_GROUP_SETTINGS, name, startFrom: 'end' }),
    ).rejects.toBeInstanceOf(GroupExistsError);
    expect((await groups().list()).map((group) => group.name)).toContain(name);

    const updated = await groups().update(name, { consumerStrategy: 'round-robin', maxRetryCount: 7 });
    expect(updated).toMatchObject({
      consumerStrategy: 'round-robin',
      maxRetryCount: 7,
      messageTimeoutMs: 5_000,
    });

    await groups().delete(name);
    await expect(groups().get(name)).rejects.toBeInstanceOf(GroupNotFoundError);
    await expect(groups().delete(name)).rejects.toBeInstanceOf(GroupNotFoundError);
    expect((await groups().list()).map((group) => group.name)).not.toContain(name);
  });

  it('refuses bad names, settings and filters before asking the server', async () => {
    const bad = [
      { name: '../etc', startFrom: 'end' as const },
      { name: uniqueName('g'), startFrom: 'end' as const, maxRetryCount: -1 },
      { name: uniqueName('g'), startFrom: 'end' as const, consumerStrategy: 'random' as never },
      {
        name: uniqueName('g'),
        startFrom: 'end' as const,
        filter: { eventTypes: ['A'], categories: ['plan'] },
      },
    ];
    for (const definition of bad)
      await expect(groups().create({ ...DEFAULT_GROUP_SETTINGS, ...definition })).rejects.toBeInstanceOf(
        InvalidArgumentError,
      );
    expect(await groups().list()).toEqual([]);
  });

  it('delivers its events to a consumer; a parked event comes back when the parked events are replayed', async () => {
    const category = uniqueName('feed').replace(/-/g, '');
    const stream = `${category}-1`;
    const name = uniqueName('portal');
    await store.append(uniqueStream('other'), [newEvent('Elsewhere')]);
    await store.append(stream, [
      newEvent('One', { n: 1 }),
      newEvent('Two', { n: 2 }),
      newEvent('Three', { n: 3 }),
    ]);
    await groups().create({
      ...DEFAULT_GROUP_SETTINGS,
      name,
      startFrom: 'start',
      filter: { categories: [category] },
    });

    const receive = consume(name);
    const first = await receive(3);
    expect(first.map((message) => message.event.type)).toEqual(['One', 'Two', 'Three']);
    expect(first.map((message) => message.retryCount)).toEqual([0, 0, 0]);
    await first[0].ack();
    await first[1].nack('park', 'the portal could not store it');
    await first[2].ack();
    expect(await receive(1, 300)).toEqual([]);
    expect(await groups().get(name)).toMatchObject({ parkedMessages: 1, inFlightMessages: 0 });

    await groups().replayParked(name);
    const [again] = await receive(1);
    expect(again.event).toEqual(first[1].event);
    await again.ack();
    expect(await groups().get(name)).toMatchObject({ parkedMessages: 0 });

    await store.append(stream, [newEvent('Four', { n: 4 })]);
    const [live] = await receive(1);
    expect(live.event).toMatchObject({ type: 'Four', stream, revision: 3 });
  });

  it('starts strictly after a position of the log when told to', async () => {
    const category = uniqueName('after').replace(/-/g, '');
    const first = await store.append(`${category}-1`, [newEvent('Before'), newEvent('AtThePosition')]);
    await store.append(`${category}-1`, [newEvent('After')]);
    const name = uniqueName('portal');
    const created = await groups().create({
      ...DEFAULT_GROUP_SETTINGS,
      name,
      startFrom: { after: first.position },
      filter: { categories: [category] },
    });
    expect(created.startFrom).toEqual({ after: expect.any(Number) });
    const receive = consume(name);
    const got = await receive(2, 500);
    expect(got.map((message) => message.event.type)).toEqual(['After']);
    await got[0].ack();
  });

  it('retries an event up to maxRetryCount, then parks it; an event not acknowledged in time comes again', async () => {
    const category = uniqueName('retry').replace(/-/g, '');
    const name = uniqueName('portal');
    await groups().create({
      ...DEFAULT_GROUP_SETTINGS,
      name,
      startFrom: 'end',
      maxRetryCount: 1,
      messageTimeoutMs: 200,
      filter: { categories: [category] },
    });
    const receive = consume(name);
    await store.append(`${category}-1`, [newEvent('Flaky')]);
    const [first] = await receive(1);
    await first.nack('retry', 'try again');
    const [second] = await receive(1);
    expect(second).toMatchObject({ retryCount: 1, event: first.event });
    await second.nack('retry', 'still failing');
    expect(await receive(1, 400)).toEqual([]);
    expect(await groups().get(name)).toMatchObject({ parkedMessages: 1 });

    await store.append(`${category}-1`, [newEvent('Slow')]);
    const [unanswered] = await receive(1);
    const [timedOut] = await receive(1);
    expect(timedOut).toMatchObject({ retryCount: 1, event: unanswered.event });
    await timedOut.ack();
  });

  it('shares events among consumers by strategy: round robin, dispatch to single, pinned by stream', async () => {
    const run = async (strategy: 'round-robin' | 'dispatch-to-single' | 'pinned') => {
      const category = uniqueName('share').replace(/-/g, '');
      const name = uniqueName(strategy);
      await groups().create({
        ...DEFAULT_GROUP_SETTINGS,
        name,
        startFrom: 'end',
        consumerStrategy: strategy,
        filter: { categories: [category] },
      });
      const a = consume(name);
      const b = consume(name);
      while ((await groups().get(name)).consumers < 2)
        await new Promise((resolve) => setTimeout(resolve, 10));
      for (const n of [0, 1, 2, 3]) await store.append(`${category}-${n % 2}`, [newEvent('Shared', { n })]);
      const [got, other] = [await a(4, 500), await b(4, 500)];
      for (const message of [...got, ...other]) await message.ack();
      return [got, other].map((messages) => messages.map((message) => message.event.data.n));
    };
    const [roundA, roundB] = await run('round-robin');
    expect([roundA.length, roundB.length]).toEqual([2, 2]);
    expect(await run('dispatch-to-single')).toEqual([[0, 1, 2, 3], []]);
    const [pinnedA, pinnedB] = await run('pinned');
    // Each stream's events go to one consumer: evens (stream 0) and odds (stream 1) are not split.
    for (const share of [pinnedA, pinnedB])
      expect(new Set(share.map((n) => Number(n) % 2)).size).toBeLessThanOrEqual(1);
    expect([...pinnedA, ...pinnedB].sort()).toEqual([0, 1, 2, 3]);
  });
});
