import { join } from 'node:path';
import { importScenario } from '../../apps/api/src/scenario/import-scenario.js';
import { loadScenario } from '../../apps/api/src/scenario/scenario.js';
import { startEngine, type RunningEngine } from '../support/engine.js';

const FILE = join(__dirname, '..', '..', 'scenarios', 'ots-diaspora-2022-2025.json');

/** Participation per state, over real HTTP, after the bundled OTS diaspora scenario. */
describe('participation per state (GET /api/states)', () => {
  let engine: RunningEngine;
  let head: number;

  beforeAll(async () => {
    engine = await startEngine();
    head = (await importScenario(engine, await loadScenario(FILE))).headPosition;
  }, 60_000);
  afterAll(() => engine.close());

  const state = async (code: string, query = '') => {
    const reply = await engine.get(`/api/states/${code}?minPosition=${head}${query}`);
    expect(reply.status).toBe(200);
    return reply.body;
  };
  const ids = (
    list: { meetingId?: string; activityId?: string; protocolId?: string; decisionId?: string }[],
  ) => list.map((i) => i.decisionId ?? i.activityId ?? i.protocolId ?? i.meetingId);

  it('Uzbekistan hosted the Tashkent meeting, attended all three and signed both protocols', async () => {
    const uz = await state('UZ');
    expect(uz).toMatchObject({
      code: 'UZ',
      name: { en: 'Uzbekistan' },
      membership: 'member',
      since: '2019-10-15',
      visibility: 'public',
      totals: {
        meetingsAttended: 3,
        meetingsHosted: 1,
        activitiesLed: 2,
        activitiesParticipated: 11,
        protocolsSigned: 2,
        decisionsAdopted: 4,
      },
    });
    expect(uz.meetingsHosted).toEqual([
      {
        meetingId: 'diaspora-ministerial-6',
        seriesId: 'diaspora-ministerial',
        number: 6,
        title: {
          en: '6th Meeting of Ministers and Heads of Institutions in charge of Diaspora Affairs of the OTS',
        },
        date: '2024-11-18',
        city: 'Tashkent',
        hostInstitutionId: 'uz-interethnic-committee',
        visibility: 'public',
      },
    ]);
    expect(uz.meetingsAttended.map((m: { city: string; date: string }) => [m.city, m.date])).toEqual([
      ['Baku', '2022-12-15'],
      ['Bishkek', '2023-11-22'],
      ['Tashkent', '2024-11-18'],
    ]);
    expect(uz.meetingsAttended[2]).toMatchObject({
      level: 'head-of-institution',
      headOfDelegation: null,
      membership: 'member',
      hostState: 'UZ',
    });
    expect(ids(uz.protocolsSigned)).toEqual([
      'kz-otandastar-uz-committee-2024',
      'az-committee-uz-committee-2024',
    ]);
    expect(uz.protocolsSigned[0]).toMatchObject({
      status: 'signed',
      counterparts: ['KZ'],
      signatures: [
        {
          institutionId: 'uz-interethnic-committee',
          signatory: { name: 'Chairman of the Committee on Interethnic Relations' },
          signedOn: '2024-11-18',
          place: 'Tashkent',
        },
      ],
    });
    expect(ids(uz.activitiesLed)).toEqual(['internship-2024', 'exchange-of-experience-2025']);
    expect(ids(uz.decisionsAdopted)).toEqual([
      'adopt-plan-2023',
      'adopt-plan-2024',
      'adopt-plan-2025',
      'organise-joint-events',
    ]);
  });

  it('Kazakhstan attended three meetings, signed one protocol and leads the next ministerial round', async () => {
    const kz = await state('KZ');
    expect(kz.totals).toMatchObject({ meetingsAttended: 3, meetingsHosted: 0, protocolsSigned: 1 });
    expect(kz.protocolsSigned[0]).toMatchObject({
      protocolId: 'kz-otandastar-uz-committee-2024',
      counterparts: ['UZ'],
    });
    expect(ids(kz.activitiesLed)).toEqual([
      'exchange-of-experience-2024',
      'capacity-building-2025',
      'diaspora-ministerial-7',
    ]);
    expect(kz.activitiesLed[2]).toMatchObject({
      kind: 'meeting-round',
      origin: { meetingId: 'diaspora-ministerial-6', decisionId: 'organise-joint-events' },
    });
  });

  it('Hungary attended Tashkent as an observer and adopted no decision', async () => {
    const hu = await state('HU');
    expect(hu).toMatchObject({
      membership: 'observer',
      totals: {
        meetingsAttended: 1,
        meetingsHosted: 0,
        decisionsAdopted: 0,
        protocolsSigned: 0,
        activitiesLed: 0,
      },
      meetingsAttended: [
        { meetingId: 'diaspora-ministerial-6', city: 'Tashkent', membership: 'observer', level: 'official' },
      ],
      decisionsAdopted: [],
    });
  });

  it('Azerbaijan led both Diaspora Youth Forums; the 2025 one postponed to September', async () => {
    const az = await state('AZ');
    expect(
      az.activitiesLed.map((a: { activityId: string; status: string; plannedStart: string }) => [
        a.activityId,
        a.status,
        a.plannedStart,
      ]),
    ).toEqual([
      ['diaspora-youth-forum-2023', 'completed', '2023-07-10'],
      ['diaspora-youth-forum-2025', 'postponed', '2025-09-15'],
    ]);
    expect(az.totals).toMatchObject({ meetingsHosted: 1, meetingsAttended: 3, protocolsSigned: 1 });
    expect(az.meetingsHosted[0]).toMatchObject({ city: 'Baku', date: '2022-12-15' });
  });

  it('lists the eight states by code with their totals, a page at a time', async () => {
    const all = (await engine.get(`/api/states?minPosition=${head}`)).body;
    expect(all).toMatchObject({ total: 8, limit: 50, offset: 0 });
    expect(all.items.map((s: { code: string }) => s.code)).toEqual([
      'AZ',
      'HU',
      'KG',
      'KZ',
      'TM',
      'TR',
      'UZ',
      'XC',
    ]);
    expect(all.items.find((s: { code: string }) => s.code === 'TM')).toMatchObject({
      name: { en: 'Turkmenistan' },
      membership: 'observer',
      totals: { meetingsAttended: 0, meetingsHosted: 0, activitiesLed: 0 },
    });
    const observers = (await engine.get('/api/states?membership=observer&limit=2&offset=1')).body;
    expect(observers).toMatchObject({
      items: [{ code: 'TM' }, { code: 'XC' }],
      total: 3,
      limit: 2,
      offset: 1,
    });
  });

  it('answers as of a day: before Tashkent, Uzbekistan had hosted nothing and signed nothing', async () => {
    const before = await state('UZ', '&asOf=occurred:2024-06-30');
    expect(before.totals).toMatchObject({
      meetingsAttended: 2,
      meetingsHosted: 0,
      protocolsSigned: 0,
      decisionsAdopted: 2,
    });
    const list = (await engine.get('/api/states?asOf=occurred:2019-01-01')).body;
    expect(list.items.map((s: { code: string }) => s.code)).toEqual(['AZ', 'HU', 'KG', 'KZ', 'TR']);
  });

  it('answers as of a position: the Tashkent meeting counts from the event that scheduled it', async () => {
    const store = engine.app.get(Symbol.for('kurultai.EventStore'));
    const [scheduled] = await store.readStream('meeting-diaspora-ministerial-6');
    expect((await state('UZ', `&asOf=position:${scheduled.position - 1}`)).totals.meetingsHosted).toBe(0);
    const at = await state('UZ', `&asOf=position:${scheduled.position}`);
    expect(at).toMatchObject({
      totals: { meetingsHosted: 1, meetingsAttended: 2 },
      position: scheduled.position,
    });
    expect((await engine.get('/api/states/UZ?asOf=2020-01-01')).status).toBe(404);
  });

  it('answers 404 problem details for a state never seen, 400 for a code that is not two capitals', async () => {
    const unknown = await engine.get('/api/states/ZZ');
    expect(unknown).toMatchObject({
      status: 404,
      contentType: expect.stringContaining('application/problem+json'),
      body: { type: 'urn:kurultai:problem:not-found', status: 404 },
    });
    const invalid = await engine.get('/api/states/uzb');
    expect(invalid).toMatchObject({ status: 400, body: { type: 'urn:kurultai:problem:validation' } });
    expect((await engine.get('/api/states?membership=candidate')).status).toBe(400);
    expect((await engine.get('/api/states/UZ?asOf=yesterday')).status).toBe(400);
  });
});
