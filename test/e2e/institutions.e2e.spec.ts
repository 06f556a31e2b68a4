import { readInstitutionFacts } from '../../libs/coordination/src/institutions/facts/read-institution-facts.js';
import { OTS_STATE_REGISTRATIONS } from '../../libs/coordination/src/states/testing/ots-states.js';
import { startEngine, type RunningEngine } from '../support/engine.js';

/** Dates of the periods are illustrative; sources disagree on them. */
const MINISTRY = {
  institutionId: 'uz-ministry-of-culture',
  state: 'UZ',
  name: { en: 'Ministry of Culture of the Republic of Uzbekistan' },
  validFrom: '2018-02-01',
};
const COMMITTEE = {
  institutionId: 'uz-interethnic-committee',
  state: 'UZ',
  name: { en: 'Committee on Interethnic Relations and Friendly Cooperation with Foreign Countries' },
  parent: MINISTRY.institutionId,
  validFrom: '2023-01-01',
};
const YTB = {
  institutionId: 'tr-ytb',
  state: 'TR',
  name: { en: 'Prime Ministry Presidency for Turks Abroad and Related Communities' },
  validFrom: '2010-04-06',
};
const SECRETARIAT = {
  institutionId: 'ots-secretariat',
  state: null,
  name: { en: 'Secretariat of the Cooperation Council of Turkic Speaking States' },
  validFrom: '2009-10-03',
};

/** The Institution aggregate over HTTP: states' institutions and the Secretariat, renamed and moved. */
describe('institutions over HTTP', () => {
  let engine: RunningEngine;

  beforeEach(async () => {
    engine = await startEngine();
    for (const code of ['UZ', 'TR']) {
      const state = OTS_STATE_REGISTRATIONS.find((s) => s.code === code);
      expect((await engine.post('/api/commands/RegisterState', state)).status).toBe(200);
    }
  });
  afterEach(() => engine.close());

  const store = () => engine.app.get(Symbol.for('kurultai.EventStore'));
  const register = (body: object) => engine.post('/api/commands/RegisterInstitution', body);
  const rename = (body: object) => engine.post('/api/commands/RenameInstitution', body);

  it('registers institutions of registered states, under a parent body, and the Secretariat', async () => {
    for (const body of [MINISTRY, COMMITTEE, YTB, SECRETARIAT])
      expect((await register(body)).status).toBe(200);
    const [committee] = await store().readStream('institution-uz-interethnic-committee');
    expect(committee).toMatchObject({ type: 'InstitutionRegistered', data: COMMITTEE });
    const [secretariat] = await store().readStream('institution-ots-secretariat');
    expect(secretariat.data).toEqual({ ...SECRETARIAT, parent: null });
  });

  it('renames an institution into a new name period, and tells the name valid on a day', async () => {
    expect((await register(YTB)).status).toBe(200);
    expect((await register({ ...MINISTRY, institutionId: 'tr-culture', state: 'TR' })).status).toBe(200);
    const name = { en: 'Presidency for Turks Abroad and Related Communities' };
    const renamed = await rename({
      institutionId: 'tr-ytb',
      name,
      validFrom: '2018-07-15',
      parent: 'tr-culture',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      stream: 'institution-tr-ytb',
      revision: 1,
      events: [{ type: 'InstitutionRenamed' }],
    });
    const [, event] = await store().readStream('institution-tr-ytb');
    expect(event.data).toEqual({
      institutionId: 'tr-ytb',
      name,
      parent: 'tr-culture',
      validFrom: '2018-07-15',
      previousValidTo: '2018-07-14',
    });

    const facts = await readInstitutionFacts(store(), 'tr-ytb');
    expect(facts).toMatchObject({ institutionId: 'tr-ytb', state: 'TR' });
    expect(facts?.nameOn('2018-07-14')).toEqual(YTB.name);
    expect(facts?.nameOn('2024-11-18')).toEqual(name);
    expect(facts?.nameOn('2009-12-31')).toBeNull();
    expect(await readInstitutionFacts(store(), 'nowhere')).toBeNull();
  });

  it.each([
    ['registering twice', () => YTB, 409, 'institution.already-registered'],
    [
      'a state never registered',
      () => ({ ...YTB, institutionId: 'az-committee', state: 'AZ' }),
      404,
      'state.not-found',
    ],
    ['a parent never registered', () => ({ ...COMMITTEE }), 404, 'institution.parent-not-found'],
    [
      'a parent of another state',
      () => ({ ...COMMITTEE, parent: 'tr-ytb' }),
      422,
      'institution.parent-of-another-state',
    ],
  ])('refuses %s, naming the rule', async (_case, body, status, rule) => {
    expect((await register(YTB)).status).toBe(200);
    const reply = await register(body());
    expect([reply.status, reply.body.rule]).toEqual([status, rule]);
  });

  it('refuses renames that overlap, change nothing, target nothing or change the state', async () => {
    expect((await register(YTB)).status).toBe(200);
    const overlap = await rename({ institutionId: 'tr-ytb', name: { en: 'YTB' }, validFrom: '2010-04-06' });
    expect([overlap.status, overlap.body.rule]).toEqual([422, 'institution.period-not-after-current']);
    const same = await rename({ institutionId: 'tr-ytb', name: YTB.name, validFrom: '2020-01-01' });
    expect([same.status, same.body.rule]).toEqual([422, 'institution.rename-unchanged']);
    const unknown = await rename({ institutionId: 'nowhere', name: { en: 'X' }, validFrom: '2020-01-01' });
    expect([unknown.status, unknown.body.rule]).toEqual([404, 'institution.not-found']);
    const moved = await rename({
      institutionId: 'tr-ytb',
      name: { en: 'YTB' },
      validFrom: '2020-01-01',
      state: 'UZ',
    });
    expect(moved.status).toBe(400);
    expect(moved.body.errors).toEqual([expect.objectContaining({ field: 'state' })]);
    expect(await store().readStream('institution-tr-ytb')).toHaveLength(1);
  });

  it('refuses a registration without a state or null for the Secretariat (400)', async () => {
    const { state: _state, ...withoutState } = YTB;
    const reply = await register(withoutState);
    expect(reply.status).toBe(400);
    expect(reply.body.errors.map((e: { field: string }) => e.field)).toContain('state');
  });
});
