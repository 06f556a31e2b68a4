import { EsdbEventStore } from '#event-store';
import { newEvent, uniqueName } from '../../../event-store/src/testing/index.js';
import { EsdbProtocolDouble } from '../../../event-store/src/esdb/testing/esdb-protocol-double.js';
import { startEngine, type RunningEngine } from '../../../../test/support/engine.js';

/** `/api/downstream-groups` over real HTTP, the engine on EventStoreDB (the protocol double). */
describe('downstream groups over HTTP', () => {
  let double: EsdbProtocolDouble;
  let engine: RunningEngine;

  beforeAll(async () => {
    double = await EsdbProtocolDouble.start();
    engine = await startEngine({
      KURULTAI_STORE: 'esdb',
      KURULTAI_ESDB_CONNECTION_STRING: double.connectionString,
    });
  });
  afterAll(async () => {
    await engine.close();
    await double.stop();
  });

  it('creates a group, lists it, changes its settings and deletes it', async () => {
    const name = uniqueName('portal');
    const created = await engine.post('/api/downstream-groups', {
      name,
      from: 'start',
      consumerStrategy: 'dispatch-to-single',
      maxRetryCount: 2,
      messageTimeoutMs: 10_000,
      filter: { categories: ['plan', 'activity'] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name,
      startFrom: 'start',
      consumerStrategy: 'dispatch-to-single',
      maxRetryCount: 2,
      messageTimeoutMs: 10_000,
      checkpointAfterMs: 2_000,
      parkedMessages: 0,
    });

    const listed = await engine.get('/api/downstream-groups');
    expect(listed.body.items.map((group: { name: string }) => group.name)).toContain(name);

    const patched = await engine.call('PATCH', `/api/downstream-groups/${name}`, {
      consumerStrategy: 'pinned',
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ consumerStrategy: 'pinned', maxRetryCount: 2 });

    expect((await engine.call('DELETE', `/api/downstream-groups/${name}`)).status).toBe(204);
    const gone = await engine.get(`/api/downstream-groups/${name}`);
    expect(gone.status).toBe(404);
    expect(gone.contentType).toContain('application/problem+json');
    expect(gone.body).toMatchObject({ type: 'urn:kurultai:problem:not-found', group: name });
  });

  it('answers a second group of the same name with 409 and bad input with 400, naming the field', async () => {
    const name = uniqueName('twice');
    expect((await engine.post('/api/downstream-groups', { name })).status).toBe(201);
    const again = await engine.post('/api/downstream-groups', { name });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ type: 'urn:kurultai:problem:group-exists' });

    for (const [body, field] of [
      [{ name: '../x' }, 'name'],
      [{ name: uniqueName('g'), consumerStrategy: 'random' }, 'consumerStrategy'],
      [{ name: uniqueName('g'), maxRetryCount: -1 }, 'maxRetryCount'],
      [{ name: uniqueName('g'), from: 'yesterday' }, 'from'],
      [{ name: uniqueName('g'), filter: { categories: ['Plan!'] } }, 'filter'],
    ] as const) {
      const refused = await engine.post('/api/downstream-groups', body);
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body)).toContain(field);
    }
    const both = await engine.post('/api/downstream-groups', {
      name: uniqueName('g'),
      filter: { types: ['PlanAdopted'], categories: ['plan'] },
    });
    expect(both.status).toBe(400);
    expect(both.body.detail).toMatch(/not both/);
    expect((await engine.post(`/api/downstream-groups/${uniqueName('none')}/parked/replay`, {})).status).toBe(
      404,
    );
  });

  it('replays the parked events of a group: a consumer gets a parked event again', async () => {
    const name = uniqueName('replay');
    const category = uniqueName('parked').replace(/-/g, '');
    expect(
      (await engine.post('/api/downstream-groups', { name, from: 'end', filter: { categories: [category] } }))
        .status,
    ).toBe(201);
    const store = await EsdbEventStore.open(double.connectionString);
    const consumer = store.downstreamGroups.consume(name);
    try {
      const messages = consumer[Symbol.asyncIterator]();
      await store.append(`${category}-1`, [newEvent('Delivered')]);
      const first = (await messages.next()).value!;
      await first.nack('park', 'the receiver is down');
      let info = await engine.get(`/api/downstream-groups/${name}`);
      for (let i = 0; i < 50 && info.body.parkedMessages !== 1; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        info = await engine.get(`/api/downstream-groups/${name}`);
      }
      expect(info.body.parkedMessages).toBe(1);

      const replay = await engine.post(`/api/downstream-groups/${name}/parked/replay`, {});
      expect(replay.status).toBe(202);
      const again = (await messages.next()).value!;
      expect(again.event).toEqual(first.event);
      await again.ack();
    } finally {
      await consumer.close();
      await store.close();
    }
  });
});

describe('downstream groups on the embedded store', () => {
  it('answers 501 with a problem that says they need EventStoreDB', async () => {
    const engine = await startEngine({ KURULTAI_STORE: 'sqlite' });
    try {
      for (const reply of [
        await engine.get('/api/downstream-groups'),
        await engine.post('/api/downstream-groups', { name: 'portal' }),
      ]) {
        expect(reply.status).toBe(501);
        expect(reply.contentType).toContain('application/problem+json');
        expect(reply.body).toMatchObject({ type: 'urn:kurultai:problem:not-supported' });
        expect(reply.body.detail).toMatch(/KURULTAI_STORE=esdb/);
      }
    } finally {
      await engine.close();
    }
  });
});
