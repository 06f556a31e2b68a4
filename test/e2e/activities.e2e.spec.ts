import { startEngine, type RunningEngine } from '../support/engine.js';
import { DECISION, MEETING, PLAN, recordTashkentMeeting } from '../support/tashkent.js';

const FORUM = 'turkic-diaspora-forum-2025';
const MEMBERS = ['AZ', 'KZ', 'KG', 'TR', 'UZ'];

const forum = {
  activityId: FORUM,
  title: { en: 'Turkic Diaspora Forum' },
  origin: { planId: PLAN, planActivityId: 'turkic-diaspora-forum-2025' },
  leadState: 'TR',
  participatingStates: MEMBERS,
  plannedStart: '2025-05-20',
  plannedEnd: '2025-05-22',
  city: 'Istanbul',
  hostState: 'TR',
  withNgos: true,
};

describe('the activity slices over HTTP: the 2025 diaspora activities', () => {
  let engine: RunningEngine;
  const send = (type: string, body: unknown) => engine.post(`/api/commands/${type}`, body);
  const ok = async (type: string, body: unknown) => {
    const reply = await send(type, body);
    if (reply.status !== 200)
      throw new Error(`${type} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
    return reply.body;
  };
  const events = (stream: string) => engine.app.get(Symbol.for('kurultai.EventStore')).readStream(stream);

  beforeAll(async () => {
    engine = await startEngine();
    await recordTashkentMeeting(engine);
    await ok('AdoptPlan', { planId: PLAN, decision: { meetingId: MEETING, decisionId: DECISION } });
    await ok('RecordDecision', {
      meetingId: MEETING,
      decisionId: 'organise-next-round',
      kind: 'agreed-to-organise',
      text: { en: 'The parties agreed to organise the next ministerial round in 2025' },
      adoptingStates: MEMBERS,
    });
  });
  afterAll(() => engine.close());

  it('schedules the Turkic Diaspora Forum from the plan, starts it, reports progress and completes it', async () => {
    const scheduled = await ok('ScheduleForum', forum);
    expect(scheduled).toMatchObject({ stream: `activity-${FORUM}`, revision: 0 });
    expect(scheduled.events.map((e: { type: string }) => e.type)).toEqual(['ActivityScheduled']);
    await ok('StartActivity', { activityId: FORUM, startedOn: '2025-05-20' });
    await ok('ReportProgress', {
      activityId: FORUM,
      progress: 60,
      note: { en: 'Two days of three held' },
      asOf: '2025-05-21',
    });
    const done = await ok('CompleteActivity', {
      activityId: FORUM,
      completedOn: '2025-05-22',
      outcome: { en: 'Diaspora NGOs of the member states met in Istanbul' },
    });
    expect(done.revision).toBe(3);

    const stored = await events(`activity-${FORUM}`);
    expect(stored.map((e: { type: string }) => e.type)).toEqual([
      'ActivityScheduled',
      'ActivityStarted',
      'ProgressReported',
      'ActivityCompleted',
    ]);
    const { origin: _origin, ...details } = forum;
    expect(stored[0].data).toEqual({
      ...details,
      kind: 'forum',
      planId: PLAN,
      planActivityId: 'turkic-diaspora-forum-2025',
      meetingId: null,
      decisionId: null,
      leadInstitutionId: null,
    });
    expect(stored[2].data).toMatchObject({ progress: 60, asOf: '2025-05-21' });
    expect(stored[3].metadata).toMatchObject({
      commandType: 'CompleteActivity',
      actor: { role: 'secretariat' },
    });
  });

  it('schedules the next meeting round from an "agreed to organise" decision', async () => {
    const reply = await ok('ScheduleActivity', {
      ...forum,
      activityId: 'diaspora-ministerial-7',
      kind: 'meeting-round',
      title: { en: '7th Meeting of Ministers and Heads of Institutions in charge of Diaspora Affairs' },
      origin: { meetingId: MEETING, decisionId: 'organise-next-round' },
      leadState: 'AZ',
      hostState: 'AZ',
      city: 'Baku',
      withNgos: undefined,
    });
    const [stored] = await events(reply.stream);
    expect(stored.data).toMatchObject({
      kind: 'meeting-round',
      planId: null,
      meetingId: MEETING,
      decisionId: 'organise-next-round',
      leadState: 'AZ',
      withNgos: null,
    });
  });

  it('refuses what the rules forbid, naming the rule', async () => {
    const refused = async (type: string, body: unknown, status: number, rule: string) => {
      const reply = await send(type, body);
      expect({ type, status: reply.status, rule: reply.body.rule }).toEqual({ type, status, rule });
      expect(reply.contentType).toContain('application/problem+json');
    };
    const youth = {
      ...forum,
      activityId: 'youth-forum',
      origin: { ...forum.origin, planActivityId: 'diaspora-youth-forum-2025' },
    };
    await ok('ScheduleForum', { ...youth, leadState: 'AZ' });
    await refused(
      'CompleteActivity',
      { activityId: 'youth-forum', completedOn: '2025-06-01' },
      422,
      'activity.not-started',
    );
    await ok('StartActivity', { activityId: 'youth-forum', startedOn: '2025-06-01' });
    await refused(
      'ReportProgress',
      { activityId: 'youth-forum', progress: 100, asOf: '2025-06-02' },
      422,
      'activity.progress-100-needs-completion',
    );
    await ok('CancelActivity', { activityId: 'youth-forum', reason: { en: 'Merged into the main forum' } });
    await refused(
      'ReportProgress',
      { activityId: 'youth-forum', progress: 10, asOf: '2025-06-02' },
      422,
      'activity.final',
    );
    await refused(
      'CancelActivity',
      { activityId: 'youth-forum', reason: { en: 'Again' } },
      422,
      'activity.final',
    );

    await refused(
      'ScheduleForum',
      { ...forum, activityId: 'not-planned', origin: { planId: PLAN, planActivityId: 'no-such-activity' } },
      422,
      'activity.not-in-plan',
    );
    await refused(
      'ScheduleForum',
      { ...youth, activityId: 'unknown-lead', leadInstitutionId: 'nowhere-institute' },
      404,
      'institution.not-found',
    );
    await refused(
      'ScheduleForum',
      { ...forum, activityId: 'from-adoption', origin: { meetingId: MEETING, decisionId: DECISION } },
      422,
      'activity.decision-not-agreed-to-organise',
    );
    await refused(
      'StartActivity',
      { activityId: 'never-scheduled', startedOn: '2025-01-01' },
      404,
      'activity.not-found',
    );
  });

  it('gives the plan activity back when its scheduling fails after claiming it', async () => {
    const training = {
      ...forum,
      activityId: 'capacity-building',
      kind: 'training-programme',
      title: { en: 'Capacity Building Training Program' },
      origin: { planId: PLAN, planActivityId: 'capacity-building-2025' },
      leadState: 'KZ',
      withNgos: undefined,
    };
    const stale = await engine.post('/api/commands/ScheduleActivity', training, { 'if-match': '"0"' });
    expect(stale.status).toBe(409);
    expect(stale.body.type).toBe('urn:kurultai:problem:concurrency-conflict');
    expect((await send('ScheduleActivity', { ...training, activityId: 'capacity-building-kz' })).status).toBe(
      200,
    );
  });

  it('refuses malformed input with 400 before the domain sees it', async () => {
    const reply = await send('ReportProgress', { activityId: FORUM, progress: 12.5, asOf: '2025-05-21' });
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0].field).toBe('progress');
    expect((await send('ScheduleActivity', { ...forum, activityId: 'x', kind: 'forum' })).status).toBe(400);
  });
});
