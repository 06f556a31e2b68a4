import { startEngine, type RunningEngine } from '../support/engine.js';
import { draftPlan } from '../support/tashkent.js';

/** Every refused request: 4xx problem details naming the field, never a 500, nothing written. */
describe('bad input over HTTP', () => {
  let engine: RunningEngine;
  let head: number;

  beforeAll(async () => {
    engine = await startEngine({ KURULTAI_BODY_LIMIT: '4096' });
    expect((await engine.post('/api/commands/DraftPlan', draftPlan)).status).toBe(200);
    head = await headPosition();
  });
  afterAll(() => engine.close());

  const headPosition = async () => (await engine.get('/health/ready')).body.headPosition as number;

  const cases: [string, string, string | undefined, number, string, string | null][] = [
    ['invalid JSON', 'DraftPlan', '{"planId":', 400, 'invalid-json', null],
    ['an empty body', 'DraftPlan', '', 400, 'invalid-json', null],
    ['a JSON array', 'DraftPlan', '[1,2]', 400, 'validation', ''],
    ['a JSON string', 'DraftPlan', '"plan"', 400, 'validation', ''],
    ['null', 'DraftPlan', 'null', 400, 'validation', ''],
    [
      'an unknown field',
      'DraftPlan',
      JSON.stringify({ ...draftPlan, planId: 'x-1', bogus: 1 }),
      400,
      'validation',
      'bogus',
    ],
    [
      'an unknown nested field',
      'DraftPlan',
      JSON.stringify({ ...draftPlan, planId: 'x-2', title: { en: 'x', xx: 'y' } }),
      400,
      'validation',
      'title.xx',
    ],
    [
      'a wrong type',
      'DraftPlan',
      JSON.stringify({ ...draftPlan, planId: 'x-3', year: '2025' }),
      400,
      'validation',
      'year',
    ],
    [
      'a missing field',
      'DraftPlan',
      JSON.stringify({ planId: 'x-4', seriesId: 's', year: 2025 }),
      400,
      'validation',
      'title',
    ],
    [
      'English missing',
      'DraftPlan',
      JSON.stringify({ ...draftPlan, planId: 'x-5', title: { ru: 'план' } }),
      400,
      'validation',
      'title.en',
    ],
    [
      'a bad id',
      'DraftPlan',
      JSON.stringify({ ...draftPlan, planId: 'Bad Id!' }),
      400,
      'validation',
      'planId',
    ],
    [
      'a bad date',
      'AddActivityToPlan',
      JSON.stringify({
        planId: draftPlan.planId,
        activityId: 'a',
        kind: 'forum',
        title: { en: 'F' },
        leadState: 'TR',
        participatingStates: ['TR'],
        plannedStart: '2025-13-40',
      }),
      400,
      'validation',
      'plannedStart',
    ],
    [
      'a bad enum',
      'AddActivityToPlan',
      JSON.stringify({
        planId: draftPlan.planId,
        activityId: 'a',
        kind: 'party',
        title: { en: 'F' },
        leadState: 'TR',
        participatingStates: ['TR'],
      }),
      400,
      'validation',
      'kind',
    ],
    [
      'a prototype-pollution key',
      'DraftPlan',
      '{"__proto__":{"admin":true},"planId":"x-6"}',
      400,
      'invalid-json',
      null,
    ],
    [
      'a constructor-pollution key',
      'DraftPlan',
      '{"constructor":{"prototype":{"admin":true}}}',
      400,
      'invalid-json',
      null,
    ],
    [
      'an oversized body',
      'DraftPlan',
      JSON.stringify({ ...draftPlan, planId: 'x-7', title: { en: 'x'.repeat(10_000) } }),
      413,
      'body-too-large',
      null,
    ],
    ['an unknown command type', 'DropAllTables', JSON.stringify({}), 404, 'unknown-command', 'type'],
    [
      'a corrected value nested deeper than any field it could correct',
      'CorrectRecord',
      JSON.stringify({
        meetingId: 'diaspora-ministerial-6',
        correctionId: 'c-deep',
        target: { kind: 'decision', id: 'adopt-plan-2025' },
        field: 'documents',
        correctedValue: [{ title: { en: { deeper: { still: 'x' } } } }],
        reason: { en: 'x' },
      }),
      400,
      'validation',
      'correctedValue',
    ],
  ];

  it.each(cases)('refuses %s', async (_name, type, body, status, problem, field) => {
    const reply = await engine.post(`/api/commands/${type}`, body ?? '');
    expect(reply.status).toBe(status);
    expect(reply.contentType).toContain('application/problem+json');
    expect(reply.body).toMatchObject({ type: `urn:kurultai:problem:${problem}`, status });
    if (field !== null) expect(reply.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(JSON.stringify(reply.body)).not.toMatch(/node_modules|\/work\/|at \w+ \(/);
    expect(await headPosition()).toBe(head);
  });

  it('refuses a body that is not JSON with 415', async () => {
    const reply = await engine.post('/api/commands/DraftPlan', 'planId=x', { 'content-type': 'text/plain' });
    expect(reply.status).toBe(415);
    expect(reply.body.type).toBe('urn:kurultai:problem:unsupported-media-type');
  });

  it('refuses malformed If-Match and Idempotency-Key headers', async () => {
    const ifMatch = await engine.post(
      '/api/commands/DraftPlan',
      { ...draftPlan, planId: 'h-1' },
      { 'if-match': 'yesterday' },
    );
    expect(ifMatch.status).toBe(400);
    expect(ifMatch.body.errors[0].field).toBe('if-match');
    const key = await engine.post(
      '/api/commands/DraftPlan',
      { ...draftPlan, planId: 'h-2' },
      { 'idempotency-key': 'no spaces allowed' },
    );
    expect(key.status).toBe(400);
    expect(key.body.errors[0].field).toBe('idempotency-key');
    expect(await headPosition()).toBe(head);
  });

  it('answers a domain refusal with 409/422 naming the rule', async () => {
    const twice = await engine.post('/api/commands/DraftPlan', draftPlan);
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({
      type: 'urn:kurultai:problem:rule-conflict',
      rule: 'plan.already-drafted',
    });
    const reversed = await engine.post('/api/commands/AddActivityToPlan', {
      planId: draftPlan.planId,
      activityId: 'late',
      kind: 'forum',
      title: { en: 'Forum' },
      leadState: 'TR',
      participatingStates: ['TR', 'AZ'],
      plannedStart: '2025-05-03',
      plannedEnd: '2025-05-01',
    });
    expect(reversed.status).toBe(422);
    expect(reversed.body).toMatchObject({
      type: 'urn:kurultai:problem:rule-violation',
      rule: 'activity.end-before-start',
    });
    expect(await headPosition()).toBe(head);
  });

  it('refuses bad query parameters', async () => {
    for (const query of [
      '/api/plans?limit=abc',
      '/api/plans?limit=100000',
      '/api/plans?minPosition=-1',
      '/api/plans?year=x',
      '/api/plans?sort=1',
    ]) {
      const reply = await engine.get(query);
      expect(reply.status).toBe(400);
      expect(reply.body.type).toBe('urn:kurultai:problem:validation');
    }
    expect((await engine.get('/api/plans/UPPER')).status).toBe(400);
    expect((await engine.get('/api/plans/unknown-plan')).status).toBe(404);
  });
});
