import { newEvent, puller, uniqueStream } from '../testing/index.js';
import type { RecordedEvent } from '../envelope.js';
import { EsdbEventStore } from './esdb-event-store.js';
import { EsdbProtocolDouble } from './testing/esdb-protocol-double.js';

const FAST = { baseMs: 20, capMs: 200, maxAttempts: 50 };
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('EventStoreDB adapter: the server goes away and comes back on the same address', () => {
  let double: EsdbProtocolDouble;
  let store: EsdbEventStore;
  let reconnects: string[];

  beforeEach(async () => {
    double = await EsdbProtocolDouble.start();
    reconnects = [];
    store = await EsdbEventStore.open(double.connectionString, {
      reconnect: FAST,
      onReconnect: (what) => reconnects.push(what),
    });
  });
  afterEach(async () => {
    await store.close();
    await double.stop();
  });

  it('resumes a catch-up subscription after its last event, skipping and doubling nothing, while appends go on', async () => {
    const stream = uniqueStream('reconnect');
    const before = (await store.head()).position;
    await store.append(
      stream,
      Array.from({ length: 20 }, (_, n) => newEvent('Numbered', { n })),
    );
    const subscription = store.subscribeToAll({ after: before, filter: { categories: ['reconnect'] } });
    const pull = puller(subscription);
    const received: RecordedEvent[] = await pull(10);
    expect(received).toHaveLength(10);

    // A writer keeps appending while the server is down and after it is back.
    let n = 20;
    let failures = 0;
    let writing = true;
    const writer = (async () => {
      while (writing) {
        const result = await store.append(stream, [newEvent('Numbered', { n })]).catch(() => null);
        if (result) n++;
        else failures++;
        await pause(5);
      }
    })();
    await pause(50);
    double.kill();
    await pause(300);
    await double.restart();
    await pause(300);
    writing = false;
    await writer;
    const written = await store.append(stream, [newEvent('Numbered', { n })]);
    n++;
    expect(written.revision).toBe(n - 1);

    received.push(...(await pull(n - received.length)));
    await subscription.close();
    const numbers = received.map((event) => event.data.n);
    expect(numbers).toEqual(Array.from({ length: n }, (_, i) => i));
    expect(received.map((event) => event.revision)).toEqual(numbers);
    const positions = received.map((event) => event.position);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(failures).toBe(0);
    // It did lose the connection: the subscription and the writer's calls went through a reconnection.
    expect(reconnects).toContain('subscription');
    expect(reconnects.filter((what) => what !== 'subscription').length).toBeGreaterThan(0);
  });

  it('retries an append whose connection dropped, and the retry writes it once', async () => {
    const stream = uniqueStream('retried');
    await store.append(stream, [newEvent('First')]);
    double.kill();
    const appending = store.append(stream, [newEvent('Second')], { expectedRevision: 0 });
    await pause(200);
    await double.restart();
    expect(await appending).toMatchObject({ stream, revision: 1, idempotent: false });
    expect(reconnects).toContain('append');
    expect((await store.readStream(stream)).map((event) => event.type)).toEqual(['First', 'Second']);
  });

  it('gives up on a read after its attempts when the server stays away', async () => {
    const impatient = await EsdbEventStore.open(double.connectionString, {
      reconnect: { baseMs: 10, capMs: 20, maxAttempts: 3 },
    });
    try {
      double.kill();
      await expect(impatient.readStream('nowhere-1')).rejects.toMatchObject({ type: 'unavailable' });
    } finally {
      await impatient.close();
      await double.restart();
    }
  });
});
