import { startEngine, type RunningEngine } from '../support/engine.js';
import { activities, DECISION, MEETING, PLAN, recordTashkentMeeting } from '../support/tashkent.js';

describe('the plan slice over HTTP (Tashkent, 18 November 2024)', () => {
  let engine: RunningEngine;

  beforeEach(async () => {
    engine = await startEngine();
  });
  afterEach(() => engine.close());

  it('adopts the 2025 plan citing the decision and shows it at once with minPosition', async () => {
    await recordTashkentMeeting(engine);
    const reply = await engine.post(
      '/api/commands/AdoptPlan',
      {
        planId: PLAN,
        decision: { meetingId: MEETING, decisionId: DECISION },
        occurredAt: '2024-11-18',
        source: { kind: 'minutes', title: 'Minutes of the 6th meeting' },
      },
      { 'x-correlation-id': 'tashkent-2024' },
    );
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      stream: `plan-${PLAN}`,
      revision: activities.length + 1,
      replayed: false,
    });
    expect(reply.body.events.map((e: { type: string }) => e.type)).toEqual(['PlanAdopted']);

    const plan = await engine.get(`/api/plans/${PLAN}?minPosition=${reply.body.position}`);
    expect(plan.status).toBe(200);
    expect(plan.body).toMatchObject({
      id: PLAN,
      year: 2025,
      status: 'adopted',
      adoption: {
        decision: { meetingId: MEETING, decisionId: DECISION },
        adoptingStates: ['AZ', 'KZ', 'KG', 'TR', 'UZ'],
      },
      position: reply.body.position,
    });
    expect(plan.body.activities.map((a: { id: string }) => a.id)).toEqual(
      activities.map((a) => a.activityId),
    );
    expect(plan.body.summary).toMatchObject({
      activities: 5,
      byKind: [
        { key: 'exchange-programme', activities: 1 },
        { key: 'forum', activities: 2 },
        { key: 'internship', activities: 1 },
        { key: 'training-programme', activities: 1 },
      ],
    });

    const events = await engine.app.get(Symbol.for('kurultai.EventStore')).readStream(`plan-${PLAN}`);
    const adopted = events[events.length - 1];
    expect(adopted.metadata).toMatchObject({
      actor: { id: 'local-operator', role: 'secretariat' },
      commandId: reply.body.commandId,
      commandType: 'AdoptPlan',
      correlationId: 'tashkent-2024',
      causationId: null,
      occurredAt: '2024-11-18T00:00:00.000Z',
      source: { kind: 'minutes', title: 'Minutes of the 6th meeting' },
      visibility: 'public',
    });
    expect(Date.parse(adopted.metadata.recordedAt)).toBeGreaterThan(Date.parse('2026-01-01'));
  });

  it('refuses to adopt without an adopted decision (422 naming the rule) and writes nothing', async () => {
    await engine.post('/api/commands/DraftPlan', {
      planId: 'p-2026',
      seriesId: 'diaspora-ministerial',
      year: 2026,
      title: { en: 'Plan 2026' },
    });
    await engine.post('/api/commands/AddActivityToPlan', { ...activities[0], planId: 'p-2026' });
    const head = (await engine.get('/health/ready')).body.headPosition;
    const reply = await engine.post('/api/commands/AdoptPlan', {
      planId: 'p-2026',
      decision: { meetingId: 'nowhere', decisionId: 'none' },
    });
    expect(reply.status).toBe(404);
    expect(reply.contentType).toContain('application/problem+json');
    expect(reply.body.rule).toMatch(/decision/);
    expect((await engine.get('/health/ready')).body.headPosition).toBe(head);
  });

  it('keeps one adopted plan per series and year', async () => {
    await recordTashkentMeeting(engine);
    const cite = { decision: { meetingId: MEETING, decisionId: DECISION } };
    expect((await engine.post('/api/commands/AdoptPlan', { planId: PLAN, ...cite })).status).toBe(200);
    await engine.post('/api/commands/DraftPlan', {
      planId: 'twin-2025',
      seriesId: 'diaspora-ministerial',
      year: 2025,
      title: { en: 'A second 2025 plan' },
    });
    await engine.post('/api/commands/AddActivityToPlan', { ...activities[0], planId: 'twin-2025' });
    const twin = await engine.post('/api/commands/AdoptPlan', { planId: 'twin-2025', ...cite });
    expect(twin.status).toBeGreaterThanOrEqual(409);
    expect(twin.status).toBeLessThan(500);
    expect((await engine.get('/api/plans/twin-2025')).body.status).toBe('drafted');
  });

  it('answers a repeated Idempotency-Key with the first reply and a reused one with 409', async () => {
    const body = { planId: 'idem-2025', seriesId: 'diaspora-ministerial', year: 2025, title: { en: 'Plan' } };
    const first = await engine.post('/api/commands/DraftPlan', body, {
      'idempotency-key': 'draft-idem-2025',
    });
    const again = await engine.post('/api/commands/DraftPlan', body, {
      'idempotency-key': 'draft-idem-2025',
    });
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ ...first.body, replayed: true });
    const other = await engine.post(
      '/api/commands/DraftPlan',
      { ...body, year: 2026 },
      { 'idempotency-key': 'draft-idem-2025' },
    );
    expect(other.status).toBe(409);
    expect(other.body.type).toBe('urn:kurultai:problem:idempotency-conflict');
    expect((await engine.get('/health/ready')).body.headPosition).toBe(first.body.position);
  });

  it('answers 409 with the actual revision when If-Match is stale', async () => {
    const drafted = await engine.post('/api/commands/DraftPlan', {
      planId: 'm-2025',
      seriesId: 's',
      year: 2025,
      title: { en: 'P' },
    });
    const add = (id: string, revision: number) =>
      engine.post(
        '/api/commands/AddActivityToPlan',
        { ...activities[0], planId: 'm-2025', activityId: id },
        { 'if-match': `"${revision}"` },
      );
    expect((await add('a1', drafted.body.revision)).status).toBe(200);
    const stale = await add('a2', drafted.body.revision);
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      type: 'urn:kurultai:problem:concurrency-conflict',
      actualRevision: 1,
      expectedRevision: 0,
    });
  });
});
