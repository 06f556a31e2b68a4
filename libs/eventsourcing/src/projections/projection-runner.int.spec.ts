import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type NewEvent } from '#event-store';
import { newEvent, newEvents } from '#event-store/testing/event-builders.js';
import { planImplementationProjection } from '#read-models';
import type { Projection } from './projection.js';
import { ProjectionRunner, type ProjectionRunnerOptions } from './projection-runner.js';
import { countingProjection, type CountingProjection } from './testing/counting.projection.js';
import { draftedPlan, planAdopted } from './testing/plan-events.js';
import { checkpointRows, PLAN_TABLES, tableRows, type TableRows } from './testing/tables.js';

const plan = planImplementationProjection;

/** The runner with a real store file and a real read-model file, as the engine runs it. */
describe('ProjectionRunner over real SQLite files', () => {
  let dir: string;
  let storePath: string;
  let readModelPath: string;
  const cleanup: (() => Promise<void> | void)[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kurultai-projections-'));
    storePath = join(dir, 'events.sqlite');
    readModelPath = join(dir, 'read-models.sqlite');
  });
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
    rmSync(dir, { recursive: true, force: true });
  });

  async function openStore(): Promise<SqliteEventStore> {
    const store = await SqliteEventStore.open(storePath);
    cleanup.push(() => store.close());
    return store;
  }

  /** Opened as EventSourcingModule opens it: WAL, synchronous NORMAL. */
  function openReadModels(path = readModelPath): Database.Database {
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    cleanup.push(() => {
      if (db.open) db.close();
    });
    return db;
  }

  function startRunner(
    store: SqliteEventStore,
    db: Database.Database,
    projections: readonly Projection[],
    options: ProjectionRunnerOptions = {},
  ): ProjectionRunner {
    const runner = new ProjectionRunner(store, db, projections, options);
    cleanup.push(() => runner.stop());
    runner.start();
    return runner;
  }

  const tablesOf = (counting: CountingProjection) => [...PLAN_TABLES, ...counting.tables];

  it('catches up from zero, then applies events appended while live', async () => {
    const store = await openStore();
    await appendPlans(store, 0, 6);
    const head = (await store.head()).position;
    const db = openReadModels();
    const counting = countingProjection();
    const runner = startRunner(store, db, [plan, counting]);

    expect(await runner.waitFor(head, 5000)).toBe(true);
    expect(db.prepare('SELECT plan_id, status FROM rm_plan ORDER BY plan_id').all()).toEqual([
      { plan_id: 'p0', status: 'adopted' },
      { plan_id: 'p1', status: 'drafted' },
      { plan_id: 'p2', status: 'adopted' },
      { plan_id: 'p3', status: 'drafted' },
      { plan_id: 'p4', status: 'adopted' },
      { plan_id: 'p5', status: 'drafted' },
    ]);
    expect(count(db, 'rm_plan_activity')).toBe(6 * 3);
    expect(count(db, 'rm_counting_log')).toBe(head);

    const { position } = await store.append('plan-p1', [planAdopted('p1')], { expectedRevision: 3 });
    await appendPlans(store, 6, 1);
    const live = (await store.head()).position;
    expect(position).toBe(head + 1);
    expect(await runner.waitFor(live, 5000)).toBe(true);
    expect(db.prepare("SELECT status FROM rm_plan WHERE plan_id = 'p1'").get()).toEqual({
      status: 'adopted',
    });
    expect(count(db, 'rm_plan')).toBe(7);
    expect(count(db, 'rm_counting_log')).toBe(live);
    expect(counting.applied).toBe(live);
    expect((await runner.status()).map((s) => [s.name, s.state, s.position, s.lagEvents])).toEqual([
      ['plan-implementation', 'live', live, 0],
      ['counting', 'live', live, 0],
    ]);
  });

  it('keeps the checkpoints in the read-model database, beside the tables', async () => {
    const store = await openStore();
    await appendPlans(store, 0, 3);
    const head = (await store.head()).position;
    const runner = startRunner(store, openReadModels(), [plan, countingProjection()]);
    expect(await runner.waitFor(head, 5000)).toBe(true);

    // Another connection to the file sees both the tables and the checkpoints, committed.
    const other = new Database(readModelPath, { readonly: true });
    try {
      expect(checkpointRows(other)).toEqual([
        { name: 'counting', version: 1, position: head },
        { name: 'plan-implementation', version: plan.version, position: head },
      ]);
      expect(count(other, 'rm_plan')).toBe(3);
    } finally {
      other.close();
    }
  });

  it('resumes from the checkpoint in a new runner over the same files, applying nothing twice', async () => {
    let store = await openStore();
    await appendPlans(store, 0, 4);
    const first = (await store.head()).position;
    let db = openReadModels();
    const before = countingProjection();
    const runner = startRunner(store, db, [plan, before]);
    expect(await runner.waitFor(first, 5000)).toBe(true);
    await runner.stop();
    await store.close();
    db.close();

    // The engine is down while events are appended; then it starts again over the same files.
    store = await openStore();
    await appendPlans(store, 4, 3);
    await store.append('plan-p0', [newEvent('PlanNoted', { planId: 'p0' })]);
    const head = (await store.head()).position;
    db = openReadModels();
    const after = countingProjection();
    const errors: unknown[] = [];
    const resumed = startRunner(store, db, [plan, after], { onError: (error) => errors.push(error) });

    expect(await resumed.waitFor(head, 5000)).toBe(true);
    expect(errors).toEqual([]);
    expect(before.applied).toBe(first);
    expect(after.applied).toBe(head - first);
    expect(checkpointRows(db).map((c) => c.position)).toEqual([head, head]);
    expect(tableRows(db, tablesOf(after))).toEqual(await rebuiltFromZero(store, [plan, after]));
  });

  it('rebuild() drops the read models and builds tables equal to the ones it dropped', async () => {
    const store = await openStore();
    await appendPlans(store, 0, 5);
    const head = (await store.head()).position;
    const db = openReadModels();
    const counting = countingProjection();
    const runner = startRunner(store, db, [plan, counting]);
    expect(await runner.waitFor(head, 5000)).toBe(true);
    const before = tableRows(db, tablesOf(counting));

    await runner.rebuild();
    expect(await runner.waitFor(head, 5000)).toBe(true);

    expect(counting.applied).toBe(2 * head);
    expect(tableRows(db, tablesOf(counting))).toEqual(before);
    expect(before.rm_plan).toHaveLength(5);
    expect(checkpointRows(db).map((c) => c.position)).toEqual([head, head]);
    expect((await runner.status()).every((s) => s.state === 'live')).toBe(true);
  });

  it('rebuilds a projection whose version went up when it starts, and only that one', async () => {
    const store = await openStore();
    await appendPlans(store, 0, 6);
    const head = (await store.head()).position;
    let db = openReadModels();
    const v1 = countingProjection({ version: 1 });
    const runner = startRunner(store, db, [plan, v1]);
    expect(await runner.waitFor(head, 5000)).toBe(true);
    await runner.stop();
    const before = tableRows(db, tablesOf(v1));
    // A row the old version wrote and the new one would not: it must go.
    db.prepare("INSERT INTO rm_counting_streams VALUES ('from-v1', 1, 0, 0)").run();
    db.close();

    db = openReadModels();
    const v2 = countingProjection({ version: 2 });
    const errors: unknown[] = [];
    // Small batches: the plan projection stays ahead of the rebuilt one for several batches.
    const upgraded = startRunner(store, db, [plan, v2], { maxBatch: 4, onError: (e) => errors.push(e) });

    expect(await upgraded.waitFor(head, 5000)).toBe(true);
    expect(errors).toEqual([]);
    expect(v2.applied).toBe(head);
    expect(checkpointRows(db)).toEqual([
      { name: 'counting', version: 2, position: head },
      { name: 'plan-implementation', version: plan.version, position: head },
    ]);
    expect(tableRows(db, tablesOf(v2))).toEqual(before);
  });

  it('waitFor resolves true once the position is reached and false on time-out', async () => {
    const store = await openStore();
    await appendPlans(store, 0, 1);
    const head = (await store.head()).position;
    const runner = startRunner(store, openReadModels(), [plan, countingProjection()]);

    const waiting = runner.waitFor(head + 4, 5000);
    await store.append('plan-p1', draftedPlan('p1', 3));
    expect(await waiting).toBe(true);
    expect(runner.position).toBe(head + 4);
    expect(await runner.waitFor(head + 1000, 50)).toBe(false);
  });

  it('reports position, head, lag in events and in seconds, and the state', async () => {
    const store = await openStore();
    const at = (time: string) => ({ recordedAt: `2030-01-01T00:00:${time}.000Z` });
    await appendPlans(store, 0, 2, at('00'));
    const head = (await store.head()).position;
    const db = openReadModels();
    const counting = countingProjection({ eventTypes: ['PlanDrafted'] });
    const clock = () => new Date('2030-01-01T00:00:10.000Z');
    const runner = new ProjectionRunner(store, db, [plan, counting], { clock });
    cleanup.push(() => runner.stop());

    const lag = (head: number, events: number, seconds: number, state: string, position = head - events) => ({
      state,
      position,
      headPosition: head,
      lagEvents: events,
      lagSeconds: seconds,
    });
    expect(await runner.status()).toEqual([
      expect.objectContaining({
        name: 'plan-implementation',
        version: plan.version,
        ...lag(head, head, 10, 'stopped'),
      }),
      expect.objectContaining({ name: 'counting', version: 1, ...lag(head, head, 10, 'stopped') }),
    ]);

    runner.start();
    expect(await runner.waitFor(head, 5000)).toBe(true);
    expect(await runner.status()).toEqual([
      expect.objectContaining(lag(head, 0, 0, 'live')),
      expect.objectContaining(lag(head, 0, 0, 'live')),
    ]);

    await runner.stop();
    await store.append('note-1', newEvents(2, 'Noted', { metadata: at('04') }));
    const statuses = await runner.status();
    expect(statuses).toEqual([
      expect.objectContaining(lag(head + 2, 2, 6, 'stopped')),
      expect.objectContaining(lag(head + 2, 2, 6, 'stopped')),
    ]);
    expect(statuses.every((s) => s.error === undefined)).toBe(true);
  });

  it('fails on a projection that throws, keeps the checkpoint before the event, and can go on once fixed', async () => {
    const store = await openStore();
    await appendPlans(store, 0, 1);
    const good = (await store.head()).position;
    const db = openReadModels();
    const fragile = countingProjection({ name: 'fragile', failOn: (event) => event.type === 'Poison' });
    const errors: unknown[] = [];
    const runner = startRunner(store, db, [plan, fragile], { onError: (error) => errors.push(error) });
    expect(await runner.waitFor(good, 5000)).toBe(true);

    const waiting = runner.waitFor(good + 5, 5000);
    const poison = await store.append('poison-1', [newEvent('Poison')]);
    await appendPlans(store, 1, 1);
    expect(await waiting).toBe(false);

    expect(poison.position).toBe(good + 1);
    expect(errors).toEqual([new Error(`fragile cannot apply Poison at ${poison.position}`)]);
    expect(await runner.waitFor(good + 5, 5000)).toBe(false);
    expect(await runner.waitFor(good, 0)).toBe(true);
    const statuses = await runner.status();
    expect(statuses.map((s) => [s.name, s.state, s.position, s.error])).toEqual([
      ['plan-implementation', 'failed', good, `fragile cannot apply Poison at ${poison.position}`],
      ['fragile', 'failed', good, `fragile cannot apply Poison at ${poison.position}`],
    ]);
    // Nothing of the failing batch was committed: not the events, not the checkpoints.
    expect(checkpointRows(db).map((c) => c.position)).toEqual([good, good]);
    expect(count(db, 'rm_plan')).toBe(1);
    expect(count(db, 'rm_fragile_log')).toBe(good);

    fragile.failOn = undefined;
    await runner.stop();
    runner.start();
    const head = (await store.head()).position;
    expect(await runner.waitFor(head, 5000)).toBe(true);
    expect(count(db, 'rm_plan')).toBe(2);
    expect(fragile.applied).toBe(head);
    expect(tableRows(db, tablesOf(fragile))).toEqual(
      await rebuiltFromZero(store, [plan, countingProjection({ name: 'fragile' })]),
    );
  });

  it('with eventTypes, only advances the checkpoint for the events it does not read', async () => {
    const store = await openStore();
    await appendPlans(store, 0, 3);
    await store.append('note-1', newEvents(5, 'Noted'));
    const head = (await store.head()).position;
    const db = openReadModels();
    const drafts = countingProjection({ name: 'drafts', eventTypes: ['PlanDrafted'] });
    const runner = startRunner(store, db, [plan, drafts]);

    expect(await runner.waitFor(head, 5000)).toBe(true);
    expect(drafts.applied).toBe(3);
    expect(db.prepare('SELECT DISTINCT type FROM rm_drafts_log').all()).toEqual([{ type: 'PlanDrafted' }]);
    expect(checkpointRows(db)).toEqual([
      { name: 'drafts', version: 1, position: head },
      { name: 'plan-implementation', version: plan.version, position: head },
    ]);
  });

  it('applies many events in few transactions, none above maxBatch', async () => {
    const store = await openStore();
    for (let n = 0; n < 12; n++) await store.append(`note-${n}`, newEvents(100, 'Noted'));
    const db = openReadModels();
    const counting = countingProjection();
    const perTransaction = countTransactions(db, counting);
    const runner = startRunner(store, db, [plan, counting], { maxBatch: 500 });

    expect(await runner.waitFor(1200, 10_000)).toBe(true);
    const catchUp = perTransaction.splice(0).filter((n) => n > 0);
    expect(catchUp.reduce((a, b) => a + b, 0)).toBe(1200);
    expect(Math.max(...catchUp)).toBeLessThanOrEqual(500);
    expect(catchUp.length).toBeLessThanOrEqual(Math.ceil(1200 / 500) + 1);

    await store.append('note-live', newEvents(300, 'Noted'));
    expect(await runner.waitFor(1500, 10_000)).toBe(true);
    const live = perTransaction.filter((n) => n > 0);
    expect(live.reduce((a, b) => a + b, 0)).toBe(300);
    expect(live.length).toBeLessThanOrEqual(2);
  });

  it('given a batch just committed, when more commits follow and nobody waits, then they wait to share one transaction, applied at once when a caller waits for them', async () => {
    const store = await openStore();
    const db = openReadModels();
    const counting = countingProjection();
    const perTransaction = countTransactions(db, counting);
    const runner = startRunner(store, db, [plan, counting], { coalesceMs: 600_000 });
    await store.append('note-0', newEvents(1, 'Noted'));
    expect(await runner.waitFor(1, 10_000)).toBe(true);
    perTransaction.splice(0);

    for (let n = 1; n <= 3; n++) await store.append(`note-${n}`, newEvents(1, 'Noted'));
    // Delivered to the runner meanwhile, but not applied: the last batch is too recent.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(runner.position).toBe(1);
    expect(perTransaction.filter((n) => n > 0)).toEqual([]);

    expect(await runner.waitFor(4, 10_000)).toBe(true);
    expect(perTransaction.filter((n) => n > 0)).toEqual([3]);
    expect(count(db, counting.tables[0])).toBeGreaterThan(0);
  });

  it('given coalescing turned off, when commits follow one another, then each is applied without waiting', async () => {
    const store = await openStore();
    const db = openReadModels();
    const counting = countingProjection();
    const runner = startRunner(store, db, [plan, counting], { coalesceMs: 0 });
    await store.append('note-0', newEvents(1, 'Noted'));
    expect(await runner.waitFor(1, 10_000)).toBe(true);
    await store.append('note-1', newEvents(1, 'Noted'));
    for (let tries = 0; runner.position < 2 && tries < 100; tries++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(runner.position).toBe(2);
  });

  /** A fresh read-model file built from the start of the log by a new runner. */
  async function rebuiltFromZero(store: SqliteEventStore, projections: Projection[]): Promise<TableRows> {
    const fresh = openReadModels(join(dir, `fresh-${Date.now()}-${Math.random()}.sqlite`));
    const counting = projections.find((p): p is CountingProjection => 'tables' in p);
    if (!counting) throw new Error('a counting projection is needed');
    const rebuilt = countingProjection({ name: counting.name, version: counting.version });
    const runner = new ProjectionRunner(store, fresh, [plan, rebuilt]);
    runner.start();
    try {
      expect(await runner.waitFor((await store.head()).position, 5000)).toBe(true);
    } finally {
      await runner.stop();
    }
    return tableRows(fresh, tablesOf(rebuilt));
  }
});

/**
 * Appends plans `p<from>`..: each drafted with three activities in one append, every other one
 * adopted in a second append, and a note on a stream of its own that only the counting reads.
 */
async function appendPlans(
  store: SqliteEventStore,
  from: number,
  count: number,
  metadata: Partial<NewEvent['metadata']> = {},
): Promise<void> {
  for (let n = from; n < from + count; n++) {
    const planId = `p${n}`;
    await store.append(`plan-${planId}`, draftedPlan(planId, 3, metadata), { expectedRevision: 'no_stream' });
    if (n % 2 === 0)
      await store.append(`plan-${planId}`, [planAdopted(planId, metadata)], { expectedRevision: 3 });
    await store.append(`note-${planId}`, [newEvent('Noted', { planId }, { metadata })]);
  }
}

function count(db: Database.Database, table: string): number {
  return (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/** How many events of `counting` each read-model transaction applied, in order. */
function countTransactions(db: Database.Database, counting: CountingProjection): number[] {
  const counts: number[] = [];
  const transaction = db.transaction.bind(db);
  jest.spyOn(db, 'transaction').mockImplementation(((fn: (...args: unknown[]) => unknown) =>
    transaction((...args: unknown[]) => {
      const before = counting.applied;
      const result = fn(...args);
      counts.push(counting.applied - before);
      return result;
    })) as typeof db.transaction);
  return counts;
}
