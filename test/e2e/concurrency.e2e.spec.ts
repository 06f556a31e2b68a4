import { startEngine, type RunningEngine } from '../support/engine.js';
import { activities, draftPlan } from '../support/tashkent.js';

const N = 50;

/** 50 commands racing on one plan: nothing lost, nothing doubled, conflicts told with the actual revision. */
describe('concurrent commands on one plan', () => {
  let engine: RunningEngine;

  beforeEach(async () => {
    engine = await startEngine({ KURULTAI_COMMAND_RETRIES: '0' });
    expect((await engine.post('/api/commands/DraftPlan', draftPlan)).status).toBe(200);
  });
  afterEach(() => engine.close());

  const add = (i: number, headers: Record<string, string> = {}) =>
    engine.post(
      '/api/commands/AddActivityToPlan',
      { ...activities[0], activityId: `activity-${i}` },
      headers,
    );

  const storedActivities = async () => {
    const events = await engine.app
      .get(Symbol.for('kurultai.EventStore'))
      .readStream(`plan-${draftPlan.planId}`);
    return events.filter((e: { type: string }) => e.type === 'ActivityAddedToPlan');
  };

  it('with If-Match on the same revision: one wins, 49 get 409 with the actual revision', async () => {
    const replies = await Promise.all(Array.from({ length: N }, (_, i) => add(i, { 'if-match': '0' })));
    const accepted = replies.filter((r) => r.status === 200);
    const refused = replies.filter((r) => r.status === 409);
    expect(accepted).toHaveLength(1);
    expect(refused).toHaveLength(N - 1);
    for (const r of refused) expect(r.body).toMatchObject({ expectedRevision: 0, actualRevision: 1 });
    expect(await storedActivities()).toHaveLength(1);
  });

  it('without If-Match: every accepted one has its own revision, the others get 409, nothing lost or doubled', async () => {
    const replies = await Promise.all(Array.from({ length: N }, (_, i) => add(i)));
    const accepted = replies.filter((r) => r.status === 200);
    const refused = replies.filter((r) => r.status !== 200);
    for (const r of refused) {
      expect(r.status).toBe(409);
      expect(typeof r.body.actualRevision).toBe('number');
    }
    const revisions = accepted.map((r) => r.body.revision);
    expect(new Set(revisions).size).toBe(accepted.length);
    const stored = await storedActivities();
    expect(stored).toHaveLength(accepted.length);
    expect(stored.map((e: { revision: number }) => e.revision).sort((a: number, b: number) => a - b)).toEqual(
      [...revisions].sort((a, b) => a - b),
    );
    const ids = stored.map((e: { data: { activityId: string } }) => e.data.activityId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('with retries allowed: all 50 are accepted, each once', async () => {
    await engine.close();
    engine = await startEngine({ KURULTAI_COMMAND_RETRIES: '20' });
    expect((await engine.post('/api/commands/DraftPlan', draftPlan)).status).toBe(200);
    const replies = await Promise.all(Array.from({ length: N }, (_, i) => add(i)));
    expect(replies.map((r) => r.status)).toEqual(Array(N).fill(200));
    expect(new Set(replies.map((r) => r.body.revision)).size).toBe(N);
    expect(await storedActivities()).toHaveLength(N);
  });
});
