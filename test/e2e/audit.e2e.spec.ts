import { join } from 'node:path';
import { EVENT_STORE, type EventStore } from '#event-store';
import { importScenario } from '../../apps/api/src/scenario/import-scenario.js';
import { loadScenario, type Scenario } from '../../apps/api/src/scenario/scenario.js';
import { startEngine, type RunningEngine } from '../support/engine.js';

const FILE = join(__dirname, '..', '..', 'scenarios', 'ots-diaspora-2022-2025.json');
const CHAIN = 'scenario.ots-diaspora-2022-2025';

interface Entry {
  readonly id: string;
  readonly eventId: string;
  readonly position: number;
  readonly type: string;
  readonly stream: string;
  readonly commandId: string;
  readonly [field: string]: unknown;
}

/** The audit history of entities, actors, correlations and read-model rows, after the bundled scenario. */
describe('the audit history (GET /api/audit)', () => {
  let engine: RunningEngine;
  let scenario: Scenario;
  /** The log's head position, how many events it holds, and its last three positions, newest first. */
  let head: number;
  let count: number;
  let latestPositions: number[];

  beforeAll(async () => {
    engine = await startEngine();
    scenario = await loadScenario(FILE);
    head = (await importScenario(engine, scenario)).headPosition;
    // Positions count events on the embedded store, not on EventStoreDB: count them.
    const events = await engine.app.get<EventStore>(EVENT_STORE).readAll();
    count = events.length;
    latestPositions = events
      .slice(-3)
      .reverse()
      .map((event) => event.position);
  }, 60_000);
  afterAll(() => engine.close());

  const ok = async (path: string) => {
    const reply = await engine.get(path);
    expect(reply).toMatchObject({ status: 200 });
    return reply.body;
  };
  /** Every item of a paginated list, page after page. */
  const all = async (path: string, limit = 100): Promise<Entry[]> => {
    const items: Entry[] = [];
    for (let offset = 0; ; offset += limit) {
      const page = await ok(`${path}${path.includes('?') ? '&' : '?'}limit=${limit}&offset=${offset}`);
      items.push(...page.items);
      if (offset + limit >= page.total) return items;
    }
  };
  const decisionAdopting2025 = async (): Promise<Entry> => {
    const meeting = await all('/api/audit/entities/meeting-diaspora-ministerial-6');
    return meeting.find(
      (e) =>
        e.type === 'DecisionRecorded' && (e.data as { decisionId: string }).decisionId === 'adopt-plan-2025',
    )!;
  };

  it("lists an entity's events from the store, with the PlanAdopted the decision caused", async () => {
    const plan = await ok('/api/audit/entities/plan-diaspora-2025');
    expect(plan).toMatchObject({ stream: 'plan-diaspora-2025', total: 7, limit: 50, offset: 0 });
    expect(plan.items.map((e: Entry) => e.type)).toEqual([
      'PlanDrafted',
      ...Array(5).fill('ActivityAddedToPlan'),
      'PlanAdopted',
    ]);
    const decision = await decisionAdopting2025();
    const adopted = plan.items.find((e: Entry) => e.type === 'PlanAdopted');
    expect(adopted).toMatchObject({
      revision: 6,
      occurredAt: '2024-11-18T00:00:00.000Z',
      actor: { id: 'process:decision-follow-through', role: 'system', state: null },
      commandType: 'AdoptPlan',
      correlationId: CHAIN,
      causationId: decision.id,
      source: { kind: 'press-release' },
      visibility: 'public',
      data: { planId: 'diaspora-2025', decision: { decisionId: 'adopt-plan-2025' } },
    });
    expect(adopted.recordedAt > adopted.occurredAt).toBe(true);
    expect(adopted.position).toBeGreaterThan(decision.position);
  });

  it('pages an entity and answers as of a time; 404 for a stream without events', async () => {
    const second = await ok('/api/audit/entities/plan-diaspora-2025?limit=2&offset=1');
    expect(second.items.map((e: Entry) => e.revision)).toEqual([1, 2]);
    const drafted = await ok('/api/audit/entities/plan-diaspora-2025?asOf=occurred:2024-10-31');
    expect(drafted).toMatchObject({ total: 6 });
    expect((await engine.get('/api/audit/entities/plan-none')).status).toBe(404);
    expect((await engine.get('/api/audit/entities/plan-diaspora-2025?asOf=2020-01-01')).status).toBe(404);
  });

  it('follows the correlation chain: the decision caused the PlanAdopted, and says so both ways', async () => {
    const chain = await all(`/api/audit/correlations/${CHAIN}`, 500);
    expect(chain).toHaveLength(count);
    const decision = await decisionAdopting2025();
    const fromDecision = chain.find((e) => e.eventId === decision.id)!;
    const adopted = chain.find((e) => e.type === 'PlanAdopted' && e.stream === 'plan-diaspora-2025')!;
    expect(adopted).toMatchObject({
      causationId: decision.id,
      causedBy: { eventId: decision.id, type: 'DecisionRecorded', stream: 'meeting-diaspora-ministerial-6' },
      actor: { id: 'process:decision-follow-through' },
    });
    expect(fromDecision.caused).toEqual(
      expect.arrayContaining([
        {
          eventId: adopted.eventId,
          position: adopted.position,
          stream: 'plan-diaspora-2025',
          type: 'PlanAdopted',
        },
      ]),
    );
    expect(fromDecision.causedBy).toBeNull();
    expect((await engine.get('/api/audit/correlations/no-such-chain')).status).toBe(404);
  });

  it('shows that local-operator sent every command of the scenario, and the process manager the rest', async () => {
    const done = await all('/api/audit/actors/local-operator', 500);
    const commands = new Set(done.map((e) => e.commandId.replace(/:number$/, '')));
    expect([...commands].sort()).toEqual(
      scenario.steps.map((s) => `scenario.${scenario.name}.${s.key}`).sort(),
    );
    const operator = await ok('/api/audit/actors/local-operator?limit=1');
    expect(operator).toMatchObject({
      actorId: 'local-operator',
      summary: { events: done.length, roles: ['secretariat'], states: [] },
      items: [{ position: expect.any(Number) }],
    });
    const byProcess = await all('/api/audit/actors/process:decision-follow-through', 500);
    expect(done.length + byProcess.length).toBe(count);
    expect(new Set(byProcess.map((e) => e.type))).toEqual(
      new Set(['PlanAdopted', 'ReservationClaimed', 'ActivityScheduled', 'FollowUpAssigned']),
    );
    expect((await engine.get('/api/audit/actors/nobody')).status).toBe(404);
  });

  it('gives a timeline of the log, newest first, filtered by actor, type, stream and time', async () => {
    const latest = await ok('/api/audit?limit=3');
    expect(latest).toMatchObject({ total: count, limit: 3, offset: 0 });
    expect(latest.items.map((e: Entry) => e.position)).toEqual(latestPositions);
    expect(latestPositions[0]).toBe(head);
    const adoptions = await ok('/api/audit?type=PlanAdopted&actor=process:decision-follow-through');
    expect(adoptions.items.map((e: Entry) => e.stream)).toEqual([
      'plan-diaspora-2025',
      'plan-diaspora-2024',
      'plan-diaspora-2023',
    ]);
    expect((await ok('/api/audit?stream=plan-diaspora-2025')).total).toBe(7);
    expect((await ok('/api/audit?from=2999-01-01')).total).toBe(0);
    expect((await ok(`/api/audit?to=${latest.items[2].recordedAt}`)).items[0].position).toBeLessThanOrEqual(
      latestPositions[2],
    );
    expect((await engine.get('/api/audit?from=yesterday')).status).toBe(400);
    expect((await engine.get('/api/audit?limit=501')).status).toBe(400);
  });

  it('explains why the Diaspora Youth Forum shows as postponed: the events behind its row, in order', async () => {
    const row = await ok(
      `/api/audit/rows/plan-implementation/diaspora-2025/diaspora-youth-forum-2025?minPosition=${head}`,
    );
    expect(row).toMatchObject({
      projection: 'plan-implementation',
      rowKey: 'diaspora-2025/diaspora-youth-forum-2025',
      total: 3,
    });
    expect(row.items.map((e: Entry) => e.type)).toEqual([
      'ActivityAddedToPlan',
      'ActivityScheduled',
      'ActivityPostponed',
    ]);
    const positions = row.items.map((e: Entry) => e.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(row.items[2]).toMatchObject({
      occurredAt: '2025-06-20T00:00:00.000Z',
      actor: { id: 'local-operator' },
      data: {
        activityId: 'diaspora-youth-forum-2025',
        newStart: '2025-09-15',
        reason: { en: 'The host asked for September' },
      },
    });
    expect(row.items[1].actor).toMatchObject({ id: 'local-operator' });
    const before = await ok(
      `/api/audit/rows/plan-implementation/diaspora-2025/diaspora-youth-forum-2025?asOf=position:${positions[2] - 1}`,
    );
    expect(before.total).toBe(2);
    const state = await ok('/api/audit/rows/participation/state/HU?limit=1');
    expect(state).toMatchObject({ total: 2, items: [{ type: 'StateRegistered' }] });
  });

  it('answers 404 for an unknown read model or row, 400 for a malformed one', async () => {
    expect((await engine.get('/api/audit/rows/nothing/diaspora-2025')).status).toBe(404);
    expect((await engine.get('/api/audit/rows/plan-implementation/diaspora-2099')).status).toBe(404);
    expect((await engine.get('/api/audit/rows/Plan_Implementation/x')).status).toBe(400);
    expect((await engine.get('/api/audit/rows/plan-implementation/a%20b')).status).toBe(400);
  });
});
