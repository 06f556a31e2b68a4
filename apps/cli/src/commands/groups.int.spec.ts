import { EsdbEventStore } from '#event-store';
import { EsdbProtocolDouble } from '../../../../libs/event-store/src/esdb/testing/esdb-protocol-double.js';
import { newEvent } from '../../../../libs/event-store/src/testing/index.js';
import { run } from '../program.js';
import { EXIT } from '../support.js';

/** `kurultai groups ...` in-process, over real gRPC to the protocol double. */
describe('kurultai groups', () => {
  let double: EsdbProtocolDouble;
  let out: string;
  let err: string;
  const output = { out: (text: string) => void (out += text), err: (text: string) => void (err += text) };
  const kurultai = (...args: string[]) => {
    out = '';
    err = '';
    return run(['groups', ...args], {
      output,
      env: { KURULTAI_ESDB_CONNECTION_STRING: double.connectionString },
    });
  };

  beforeEach(async () => {
    double = await EsdbProtocolDouble.start();
  });
  afterEach(() => double.stop());

  it('creates, lists, updates and deletes a group', async () => {
    expect(
      await kurultai(
        'create',
        'ministry-portal',
        '--from',
        'start',
        '--strategy',
        'pinned',
        '--max-retry-count',
        '4',
        '--message-timeout-ms',
        '15000',
        '--categories',
        'plan,activity',
      ),
    ).toBe(EXIT.ok);
    expect(JSON.parse(out)).toMatchObject({
      name: 'ministry-portal',
      startFrom: 'start',
      consumerStrategy: 'pinned',
      maxRetryCount: 4,
      messageTimeoutMs: 15_000,
    });

    expect(await kurultai('list')).toBe(EXIT.ok);
    expect(JSON.parse(out).map((group: { name: string }) => group.name)).toEqual(['ministry-portal']);

    expect(await kurultai('update', 'ministry-portal', '--strategy', 'round-robin')).toBe(EXIT.ok);
    expect(JSON.parse(out)).toMatchObject({ consumerStrategy: 'round-robin', maxRetryCount: 4 });

    expect(await kurultai('delete', 'ministry-portal')).toBe(EXIT.ok);
    expect(JSON.parse(out)).toEqual({ name: 'ministry-portal', deleted: true });
    expect(await kurultai('delete', 'ministry-portal')).toBe(EXIT.notFound);
    expect(err).toContain('there is no downstream group ministry-portal');
  });

  it('replays parked events, which a consumer then receives again', async () => {
    expect(await kurultai('create', 'archive', '--from', 'end', '--categories', 'plan')).toBe(EXIT.ok);
    const store = await EsdbEventStore.open(double.connectionString);
    const consumer = store.downstreamGroups.consume('archive');
    try {
      const messages = consumer[Symbol.asyncIterator]();
      await store.append('plan-2025', [newEvent('PlanDrafted')]);
      const first = (await messages.next()).value!;
      await first.nack('park', 'archive offline');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await kurultai('list')).toBe(EXIT.ok);
      expect(JSON.parse(out)[0]).toMatchObject({ name: 'archive', parkedMessages: 1 });

      expect(await kurultai('replay-parked', 'archive')).toBe(EXIT.ok);
      expect(JSON.parse(out)).toEqual({ name: 'archive', replaying: 'all' });
      const again = (await messages.next()).value!;
      expect(again.event.id).toBe(first.event.id);
      await again.ack();
    } finally {
      await consumer.close();
      await store.close();
    }
  });

  it('says what is wrong: bad options, no connection string, nobody at the address', async () => {
    expect(await kurultai('create', 'x', '--strategy', 'random')).toBe(EXIT.usage);
    expect(err).toMatch(/must be one of round-robin, dispatch-to-single, pinned/);
    expect(await kurultai('create', '../x')).toBe(EXIT.usage);
    expect(err).toMatch(/group name/);

    out = '';
    err = '';
    expect(await run(['groups', 'list'], { output, env: {} })).toBe(EXIT.usage);
    expect(err).toContain('KURULTAI_ESDB_CONNECTION_STRING');

    const address = double.connectionString;
    await double.stop();
    expect(await kurultai('list')).toBe(EXIT.engine);
    expect(err).toContain(`EventStoreDB at ${address}`);
    await double.restart();
  });
});

describe('kurultai on EventStoreDB: commands that read events.sqlite', () => {
  const saved = process.env.KURULTAI_STORE;
  afterEach(() => {
    if (saved === undefined) delete process.env.KURULTAI_STORE;
    else process.env.KURULTAI_STORE = saved;
  });

  it('say that they need the embedded store instead of looking for a file', async () => {
    process.env.KURULTAI_STORE = 'esdb';
    let err = '';
    const code = await run(['--data-dir', '/nonexistent', 'rebuild'], {
      output: { out: () => undefined, err: (text) => void (err += text) },
    });
    expect(code).toBe(EXIT.usage);
    expect(err).toContain('reads the embedded store (events.sqlite), but KURULTAI_STORE is esdb');
  });
});
