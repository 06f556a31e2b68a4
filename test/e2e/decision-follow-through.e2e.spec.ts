import { startEngine, type RunningEngine } from '../support/engine.js';
import {
  activities,
  defineSeries,
  delegations,
  draftPlan,
  MEETING,
  PLAN,
  recordDecision,
  scheduleMeeting,
} from '../support/tashkent.js';

const RUNNERS = Symbol.for('kurultai.ProcessManagerRunners');

/** Given the decisions of the Tashkent meeting, when they are recorded, then the engine follows them through. */
describe('the decision process manager over HTTP', () => {
  let engine: RunningEngine;

  beforeEach(async () => {
    engine = await startEngine();
  });
  afterEach(() => engine.close());

  const ok = async (type: string, body: unknown) => {
    const reply = await engine.post(`/api/commands/${type}`, body);
    if (reply.status !== 200) throw new Error(`${type}: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body;
  };
  const processed = async (position: number) => {
    const reply = await engine.get(`/api/processes?minPosition=${position}`);
    expect(reply.status).toBe(200);
    return reply.body[0];
  };
  const stream = (name: string) => engine.app.get(Symbol.for('kurultai.EventStore')).readStream(name);
  const head = async () => (await engine.get('/health/ready')).body.headPosition as number;

  async function meetingUpToConvened() {
    await ok('DefineMeetingSeries', defineSeries);
    await ok('ScheduleMeeting', scheduleMeeting);
    for (const d of delegations) await ok('AccreditDelegation', { meetingId: MEETING, ...d });
    await ok('ConveneMeeting', { meetingId: MEETING });
  }

  it('adopts the drafted plan when the meeting records its adoption, citing the decision as the cause', async () => {
    await ok('DraftPlan', draftPlan);
    for (const a of activities) await ok('AddActivityToPlan', a);
    await meetingUpToConvened();
    const decided = await ok('RecordDecision', recordDecision);
    expect(await processed(decided.position)).toMatchObject({
      name: 'decision-follow-through',
      state: 'running',
      refused: [],
    });

    const plan = await engine.get(`/api/plans/${PLAN}?minPosition=${await head()}`);
    expect(plan.body).toMatchObject({
      status: 'adopted',
      adoption: { adoptingStates: ['AZ', 'KZ', 'KG', 'TR', 'UZ'] },
    });
    const adopted = (await stream(`plan-${PLAN}`)).at(-1);
    const decision = (await stream(`meeting-${MEETING}`)).find(
      (e: { type: string }) => e.type === 'DecisionRecorded',
    );
    expect(adopted.type).toBe('PlanAdopted');
    expect(adopted.metadata).toMatchObject({
      causationId: decision.id,
      correlationId: decision.metadata.correlationId,
      actor: { id: 'process:decision-follow-through', role: 'system' },
      commandType: 'AdoptPlan',
    });
  });

  it('schedules the activities and assigns the follow-ups an "agreed to organise" decision names', async () => {
    await ok('RegisterState', {
      code: 'TR',
      name: { en: 'Türkiye' },
      membership: 'member',
      since: '2009-10-03',
    });
    await meetingUpToConvened();
    const decided = await ok('RecordDecision', {
      meetingId: MEETING,
      decisionId: 'organise-2025',
      kind: 'agreed-to-organise',
      text: { en: 'The parties agreed to organise the Turkic Diaspora Forum and a follow-up report' },
      adoptingStates: ['AZ', 'KZ', 'KG', 'TR', 'UZ'],
      organise: [
        {
          activityId: 'turkic-diaspora-forum-2025',
          kind: 'forum',
          title: { en: 'Turkic Diaspora Forum' },
          leadState: 'TR',
          participatingStates: ['AZ', 'KZ', 'KG', 'TR', 'UZ'],
          plannedStart: '2025-05-20',
          plannedEnd: '2025-05-22',
          city: 'Istanbul',
          withNgos: true,
        },
        {
          activityId: 'internship-2025',
          kind: 'internship',
          title: { en: 'Internship Program' },
          leadState: 'TR',
          participatingStates: ['TR', 'KG'],
          plannedStart: '2025-07-01',
          plannedEnd: '2025-08-31',
        },
      ],
      followUps: [
        {
          followUpId: 'forum-report-2025',
          assignee: { state: 'TR' },
          description: { en: 'Report on the forum' },
          dueDate: '2025-09-30',
        },
      ],
      occurredAt: '2024-11-18',
    });
    expect((await processed(decided.position)).refused).toEqual([]);

    const [forum] = await stream('activity-turkic-diaspora-forum-2025');
    expect(forum.data).toMatchObject({
      kind: 'forum',
      meetingId: MEETING,
      decisionId: 'organise-2025',
      city: 'Istanbul',
      withNgos: true,
    });
    expect(forum.metadata.occurredAt).toBe('2024-11-18T00:00:00.000Z');
    const [internship] = await stream('activity-internship-2025');
    expect(internship.data).toMatchObject({ kind: 'internship', plannedEnd: '2025-08-31' });
    const [followUp] = await stream('followup-forum-report-2025');
    expect(followUp.data).toMatchObject({
      decision: { meetingId: MEETING, decisionId: 'organise-2025' },
      assignee: { state: 'TR' },
    });
  });

  it('never sends a command twice when the log is replayed', async () => {
    await ok('DraftPlan', draftPlan);
    for (const a of activities) await ok('AddActivityToPlan', a);
    await meetingUpToConvened();
    const decided = await ok('RecordDecision', recordDecision);
    await processed(decided.position);
    const before = await head();
    const [runner] = engine.app.get(RUNNERS);
    await runner.replay();
    expect(await runner.waitFor(before, 5000)).toBe(true);
    expect(await head()).toBe(before);
  });

  it('keeps what the domain refused it, and goes on', async () => {
    await meetingUpToConvened();
    const decided = await ok('RecordDecision', recordDecision);
    const status = await processed(decided.position);
    expect(status.refused).toEqual([
      expect.objectContaining({ commandKey: `adopt:${PLAN}`, rule: 'plan.not-found' }),
    ]);
    expect(status.state).toBe('running');
  });
});
