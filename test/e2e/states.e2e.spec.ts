import { STATES } from '#coordination';
import { OTS_STATE_REGISTRATIONS } from '../../libs/coordination/src/states/testing/ots-states.js';
import { startEngine, type RunningEngine } from '../support/engine.js';

/** The State aggregate over HTTP: the OTS members and observers, and their membership changes. */
describe('states over HTTP', () => {
  let engine: RunningEngine;

  beforeEach(async () => {
    engine = await startEngine();
  });
  afterEach(() => engine.close());

  const store = () => engine.app.get(Symbol.for('kurultai.EventStore'));
  const head = async () => (await engine.get('/health/ready')).body.headPosition as number;
  const registerAll = async () => {
    for (const state of OTS_STATE_REGISTRATIONS) {
      const reply = await engine.post('/api/commands/RegisterState', state);
      expect(reply.status).toBe(200);
    }
  };

  it('registers the five members and three observers, agreeing with the static table', async () => {
    const [first, ...others] = OTS_STATE_REGISTRATIONS;
    const key = { 'idempotency-key': 'register-az' };
    const reply = await engine.post('/api/commands/RegisterState', first, key);
    expect(reply.body).toMatchObject({
      stream: 'state-AZ',
      revision: 0,
      events: [{ type: 'StateRegistered' }],
    });
    for (const state of others)
      expect((await engine.post('/api/commands/RegisterState', state)).status).toBe(200);
    const retried = await engine.post('/api/commands/RegisterState', first, key);
    expect(retried.body).toEqual({ ...reply.body, replayed: true });

    const registered = await Promise.all(
      STATES.map(async ({ code }) => (await store().readStream(`state-${code}`))[0]),
    );
    expect(
      registered.map((e) => ({ code: e.data.code, name: e.data.name.en, membership: e.data.membership })),
    ).toEqual(STATES.map(({ code, name, membership }) => ({ code, name, membership })));
    expect(registered[7]).toMatchObject({
      type: 'StateRegistered',
      data: { code: 'XC', membership: 'observer', since: '2022-11-11' },
      metadata: { commandType: 'RegisterState' },
    });
  });

  it('refuses to register a code twice (409 naming the rule) and writes nothing', async () => {
    await registerAll();
    const before = await head();
    const again = await engine.post('/api/commands/RegisterState', {
      ...OTS_STATE_REGISTRATIONS[5],
      membership: 'member',
    });
    expect(again.status).toBe(409);
    expect(again.contentType).toContain('application/problem+json');
    expect(again.body).toMatchObject({
      type: 'urn:kurultai:problem:rule-conflict',
      rule: 'state.already-registered',
    });
    expect(await head()).toBe(before);
  });

  it('changes a membership forward in time only, and only when it changes', async () => {
    await registerAll();
    const change = (body: object) => engine.post('/api/commands/ChangeMembershipStatus', body);
    const joined = await change({ code: 'HU', membership: 'member', since: '2026-01-01' });
    expect(joined.status).toBe(200);
    expect(joined.body).toMatchObject({
      stream: 'state-HU',
      revision: 1,
      events: [{ type: 'MembershipStatusChanged' }],
    });
    const [, changed] = await store().readStream('state-HU');
    expect(changed.data).toEqual({
      code: 'HU',
      membership: 'member',
      previousMembership: 'observer',
      since: '2026-01-01',
    });

    const unchanged = await change({ code: 'HU', membership: 'member', since: '2027-01-01' });
    expect([unchanged.status, unchanged.body.rule]).toEqual([422, 'state.membership-unchanged']);
    const backdated = await change({ code: 'TM', membership: 'member', since: '2021-11-12' });
    expect([backdated.status, backdated.body.rule]).toEqual([422, 'state.membership-change-backdated']);
    const unknown = await change({ code: 'QQ', membership: 'member', since: '2027-01-01' });
    expect([unknown.status, unknown.body.rule]).toEqual([404, 'state.not-found']);
  });

  it.each([
    ['a lower-case code', { code: 'hu' }, 'code'],
    ['a membership other than member or observer', { membership: 'candidate' }, 'membership'],
    ['a name without English', { name: { hu: 'Magyarország' } }, 'name.en'],
    ['a since that is not a date', { since: '2018-09-31' }, 'since'],
  ])('refuses %s with 400 naming the field', async (_case, change, field) => {
    const reply = await engine.post('/api/commands/RegisterState', {
      ...OTS_STATE_REGISTRATIONS[5],
      ...change,
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await head()).toBe(0);
  });
});
