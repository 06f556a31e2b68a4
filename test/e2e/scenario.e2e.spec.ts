import { join } from 'node:path';
import { importScenario } from '../../apps/api/src/scenario/import-scenario.js';
import { loadScenario, type Scenario } from '../../apps/api/src/scenario/scenario.js';
import { startEngine, type RunningEngine } from '../support/engine.js';

const FILE = join(__dirname, '..', '..', 'scenarios', 'ots-diaspora-2022-2025.json');

/** The bundled OTS diaspora scenario, imported over HTTP through every rule of the domain. */
describe('the OTS diaspora scenario 2022-2025', () => {
  let engine: RunningEngine;
  let scenario: Scenario;
  let head: number;

  beforeAll(async () => {
    engine = await startEngine();
    scenario = await loadScenario(FILE);
    const summary = await importScenario(engine, scenario);
    expect(summary).toMatchObject({
      steps: scenario.steps.length,
      recorded: scenario.steps.length,
      replayed: 0,
    });
    head = (await engine.get('/health/ready')).body.headPosition;
  }, 60_000);
  afterAll(() => engine.close());

  const store = () => engine.app.get(Symbol.for('kurultai.EventStore'));
  const types = async (stream: string) =>
    (await store().readStream(stream)).map((e: { type: string }) => e.type);

  it("adopts each year's plan through the decision of its meeting, by the process manager", async () => {
    const plans = await engine.get(`/api/plans?minPosition=${head}`);
    expect(
      plans.body.items.map((p: { id: string; status: string; adoption: { decision: unknown } }) => [
        p.id,
        p.status,
        p.adoption.decision,
      ]),
    ).toEqual([
      ['diaspora-2025', 'adopted', { meetingId: 'diaspora-ministerial-6', decisionId: 'adopt-plan-2025' }],
      ['diaspora-2024', 'adopted', { meetingId: 'diaspora-ministerial-5', decisionId: 'adopt-plan-2024' }],
      ['diaspora-2023', 'adopted', { meetingId: 'diaspora-ministerial-4', decisionId: 'adopt-plan-2023' }],
    ]);
    expect((await engine.get('/api/processes')).body[0]).toMatchObject({ state: 'running', refused: [] });
  });

  it('shows the 2025 plan as its activities stand, with observers not counted towards adoption', async () => {
    const plan = (await engine.get(`/api/plans/diaspora-2025?minPosition=${head}`)).body;
    expect(plan.adoption).toMatchObject({
      adoptedOn: '2024-11-18',
      adoptingStates: ['AZ', 'KZ', 'KG', 'TR', 'UZ'],
    });
    expect(
      plan.activities.map((a: { id: string; status: string; progress: number }) => [
        a.id,
        a.status,
        a.progress,
      ]),
    ).toEqual([
      ['exchange-of-experience-2025', 'completed', 100],
      ['capacity-building-2025', 'scheduled', 0],
      ['turkic-diaspora-forum-2025', 'in-progress', 60],
      ['diaspora-youth-forum-2025', 'postponed', 0],
      ['internship-2025', 'scheduled', 0],
    ]);
    expect(plan.summary).toMatchObject({ activities: 5, progress: 32 });
    const forum = plan.activities.find((a: { id: string }) => a.id === 'diaspora-youth-forum-2025');
    expect(forum).toMatchObject({ plannedStart: '2025-09-15', plannedEnd: '2025-09-17', leadState: 'AZ' });
  });

  it('shows 2023 done and 2024 nearly done', async () => {
    const p2023 = (await engine.get('/api/plans/diaspora-2023')).body;
    expect(p2023.summary).toMatchObject({ activities: 2, progress: 100, overdue: 0 });
    const p2024 = (await engine.get('/api/plans/diaspora-2024')).body;
    expect(p2024.activities.map((a: { status: string }) => a.status)).toEqual([
      'completed',
      'completed',
      'in-progress',
    ]);
    expect(p2024.summary.progress).toBe(93.3);
  });

  it('records the Tashkent meeting, its protocols signed on the margins and what its decisions set going', async () => {
    const meeting = await types('meeting-diaspora-ministerial-6');
    expect(meeting.filter((t: string) => t === 'DelegationAccredited')).toHaveLength(6);
    expect(meeting).toEqual(
      expect.arrayContaining([
        'MeetingConvened',
        'BriefingDelivered',
        'BilateralMeetingHeld',
        'MeetingClosed',
      ]),
    );
    expect(meeting.filter((t: string) => t === 'DecisionRecorded')).toHaveLength(3);
    for (const protocol of ['kz-otandastar-uz-committee-2024', 'az-committee-uz-committee-2024']) {
      expect((await types(`protocol-${protocol}`)).at(-1)).toBe('ProtocolSigned');
    }
    expect(await types('activity-diaspora-ministerial-7')).toEqual(['ActivityScheduled']);
    expect(await types('followup-report-joint-events-2025')).toEqual([
      'FollowUpAssigned',
      'ImplementationStatusUpdated',
    ]);
    const numbered = (await store().readStream('series-diaspora-ministerial')).filter(
      (e: { type: string }) => e.type === 'MeetingNumbered',
    );
    expect(numbered.map((e: { data: { number: number } }) => e.data.number)).toEqual([4, 5, 6]);
  });

  it('keeps when a thing happened apart from when it was recorded, and its source', async () => {
    const [scheduled] = await store().readStream('meeting-diaspora-ministerial-6');
    expect(scheduled.metadata.occurredAt).toBe('2024-11-18T00:00:00.000Z');
    expect(scheduled.metadata.recordedAt > '2026').toBe(true);
    expect(scheduled.metadata.source).toMatchObject({ kind: 'press-release', date: '2024-11-18' });
  });

  it('answers "as of" a day by when things happened, as known now', async () => {
    const statuses = async (asOf: string) => {
      const plan = (await engine.get(`/api/plans/diaspora-2025?asOf=${asOf}`)).body;
      return [
        plan.status,
        plan.activities.map((a: { status: string; progress: number }) => `${a.status}:${a.progress}`),
      ];
    };
    expect(await statuses('occurred:2024-10-31')).toEqual(['drafted', Array(5).fill('planned:0')]);
    expect(await statuses('occurred:2024-12-31')).toEqual(['adopted', Array(5).fill('planned:0')]);
    expect(await statuses('occurred:2025-05-21')).toEqual([
      'adopted',
      ['completed:100', 'scheduled:0', 'in-progress:60', 'scheduled:0', 'scheduled:0'],
    ]);
    const may = (await engine.get('/api/plans/diaspora-2025?asOf=occurred:2025-05-21')).body;
    expect(may.activities[3]).toMatchObject({ plannedStart: '2025-07-07', overdue: false });
  });

  it('answers "as of" a position or a recorded time by what the log held then', async () => {
    const adoption = (await store().readStream('plan-diaspora-2025')).find(
      (e: { type: string }) => e.type === 'PlanAdopted',
    );
    const before = await engine.get(`/api/plans/diaspora-2025?asOf=position:${adoption.position - 1}`);
    expect(before.body.status).toBe('drafted');
    const at = await engine.get(`/api/plans/diaspora-2025?asOf=position:${adoption.position}`);
    expect(at.body).toMatchObject({ status: 'adopted', position: adoption.position });
    expect((await engine.get('/api/plans/diaspora-2025?asOf=2020-01-01')).status).toBe(404);
    expect((await engine.get(`/api/plans?asOf=${adoption.metadata.recordedAt}`)).body.items[0]).toMatchObject(
      { id: 'diaspora-2025', status: 'adopted' },
    );
    expect((await engine.get('/api/plans?asOf=yesterday')).status).toBe(400);
  });

  it('imports again as a no-op: every step answered from the log, nothing written', async () => {
    const again = await importScenario(engine, scenario);
    expect(again).toMatchObject({ recorded: 0, replayed: scenario.steps.length });
    expect((await engine.get('/health/ready')).body.headPosition).toBe(head);
  });
});
