import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '#event-store';
import { planImplementationProjection } from '#read-models';
import { LiveProcessStore } from '../nest/live-process-store.js';
import { BlueGreenRebuild, RebuildInProgress } from './blue-green-rebuild.js';
import type { Projection } from './projection.js';
import { ProjectionRunner } from './projection-runner.js';
import { openReadModelDb } from './read-model-files.js';
import { countingProjection } from './testing/counting.projection.js';
import { draftedPlan, planAdopted } from './testing/plan-events.js';
import { checkpointRows, PLAN_TABLES, replay, tableRows } from './testing/tables.js';

const plan = planImplementationProjection;
const ACTIVITIES = 6;

/** Blue/green rebuilds over a real store file and real read-model files, as the engine runs them. */
describe('BlueGreenRebuild over real SQLite files', () => {
  let dir: string;
  let path: string;
  const cleanup: (() => Promise<void> | void)[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kurultai-blue-green-'));
    path = join(dir, 'read-models.sqlite');
  });
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The store with `plans` adopted plans of ACTIVITIES activities, and the live runner caught up. */
  async function engine(plans: number, projections: readonly Projection[]) {
    const store = await SqliteEventStore.open(join(dir, 'events.sqlite'));
    cleanup.push(() => store.close());
    await appendPlans(store, 0, plans);
    const live = new ProjectionRunner(store, openReadModelDb(path), projections);
    cleanup.push(async () => {
      await live.stop();
      if (live.database.open) live.database.close();
    });
    live.start();
    expect(await live.waitFor((await store.head()).position, 10_000)).toBe(true);
    return { store, live };
  }

  function blueGreen(store: SqliteEventStore, live: ProjectionRunner, projections: readonly Projection[]) {
    const rebuild = new BlueGreenRebuild(store, live, projections, { path, maxBatch: 100 });
    cleanup.push(() => rebuild.stop());
    return rebuild;
  }

  it('keeps answering with complete read models while it builds, then swaps in tables equal to a rebuild from zero', async () => {
    const counting = countingProjection();
    const projections = [plan, counting];
    const { store, live } = await engine(400, projections);
    const headBefore = (await store.head()).position;
    expect(headBefore).toBe(400 * (ACTIVITIES + 2));
    // Process-manager state lives beside the read models: it must survive the swap.
    const processes = new LiveProcessStore(() => live.database);
    processes.done('decision-follow-through', 1234, [
      {
        processManager: 'decision-follow-through',
        eventPosition: 1234,
        eventId: 'e-1234',
        commandKey: 'adopt',
        rule: 'plan.already-adopted',
        message: 'refused',
        at: '2025-01-01T00:00:00.000Z',
      },
    ]);
    const originalFile = statSync(path).ino;
    const plans = () => count(live.database, 'rm_plan');
    const activities = () => count(live.database, 'rm_plan_activity');
    let floor = { plans: plans(), activities: activities() };
    expect(floor).toEqual({ plans: 400, activities: 400 * ACTIVITIES });

    const rebuild = blueGreen(store, live, projections);
    expect(rebuild.start()).toMatchObject({ state: 'building', buildPosition: 0 });
    const seen = new Set<string>();
    let queries = 0;
    let appendedWhileBuilding = 0;
    let next = 400;
    while (rebuild.running) {
      const state = rebuild.status().state;
      seen.add(state);
      // A query never sees fewer rows than the one before it: never a half-built read model.
      const now = { plans: plans(), activities: activities() };
      expect(now.plans).toBeGreaterThanOrEqual(floor.plans);
      expect(now.activities).toBeGreaterThanOrEqual(floor.activities);
      floor = now;
      queries++;
      if (state === 'building' && queries % 5 === 0 && appendedWhileBuilding < 20) {
        await appendPlans(store, next++, 1);
        appendedWhileBuilding++;
      }
      await new Promise((resolve) => setImmediate(resolve));
    }

    const status = await rebuild.settled();
    expect(status).toMatchObject({ state: 'done' });
    expect(status.error).toBeUndefined();
    expect(seen).toContain('building');
    expect(appendedWhileBuilding).toBeGreaterThan(0);
    expect(queries).toBeGreaterThan(10);
    const head = (await store.head()).position;
    expect(await live.waitFor(head, 10_000)).toBe(true);

    // The appends made during the build are in; the tables equal a rebuild from zero.
    expect(plans()).toBe(next);
    const tables = [...PLAN_TABLES, ...counting.tables];
    expect(tableRows(live.database, tables)).toEqual(await rebuiltFromZero(store, projections, tables));
    expect(checkpointRows(live.database)).toEqual([
      { name: 'counting', version: 1, position: head },
      { name: 'plan-implementation', version: plan.version, position: head },
    ]);
    expect(status.swappedAtPosition).toBeGreaterThanOrEqual(headBefore);

    // The new file took the old one's name; the old file and the build's files are gone.
    expect(statSync(path).ino).not.toBe(originalFile);
    expect(readdirSync(dir).filter((f) => f.includes('next'))).toEqual([]);
    expect(live.database.name).toBe(path);

    // Carried over: the process managers' checkpoint and refusals, written to the new file from now on.
    expect(processes.checkpoint('decision-follow-through')).toBe(1234);
    expect(processes.failures('decision-follow-through')).toHaveLength(1);
    processes.done('decision-follow-through', 1300, []);

    // The live runner goes on, on the new file: another connection to the file sees it.
    await appendPlans(store, next, 1);
    const later = (await store.head()).position;
    expect(await live.waitFor(later, 10_000)).toBe(true);
    const other = new Database(path, { readonly: true });
    try {
      expect(count(other, 'rm_plan')).toBe(next + 1);
      expect(other.prepare('SELECT position FROM process_checkpoints').get()).toEqual({ position: 1300 });
    } finally {
      other.close();
    }
  });

  it('fails without harm when the new build fails: the live read models go on, the build file is removed', async () => {
    const fragile = countingProjection({ name: 'fragile' });
    const projections = [plan, fragile];
    const { store, live } = await engine(20, projections);
    const before = tableRows(live.database, PLAN_TABLES);
    const originalFile = statSync(path).ino;
    // A bug the live runner has already gone past, but a build from zero meets.
    fragile.failOn = (event) => event.position === 50;

    const rebuild = blueGreen(store, live, projections);
    rebuild.start();
    const status = await rebuild.settled();
    expect(status).toMatchObject({
      state: 'failed',
      error: 'the new read models failed: fragile cannot apply ActivityAddedToPlan at 50',
    });
    expect(status.finishedAt).not.toBeNull();
    expect(statSync(path).ino).toBe(originalFile);
    expect(existsSync(join(dir, 'read-models.next.sqlite'))).toBe(false);
    expect(tableRows(live.database, PLAN_TABLES)).toEqual(before);

    await appendPlans(store, 20, 1);
    expect(await live.waitFor((await store.head()).position, 10_000)).toBe(true);
    expect(count(live.database, 'rm_plan')).toBe(21);

    fragile.failOn = undefined;
    rebuild.start();
    expect(await rebuild.settled()).toMatchObject({ state: 'done' });
    expect(count(live.database, 'rm_plan')).toBe(21);
  });

  it('runs one rebuild at a time', async () => {
    const projections = [plan];
    const { store, live } = await engine(50, projections);
    const rebuild = blueGreen(store, live, projections);
    rebuild.start();
    expect(() => rebuild.start()).toThrow(RebuildInProgress);
    expect(await rebuild.settled()).toMatchObject({ state: 'done' });
    expect(rebuild.start()).toMatchObject({ state: 'building' });
    expect(await rebuild.settled()).toMatchObject({ state: 'done' });
  });

  it('swaps in memory when the read models are not kept in a file', async () => {
    const store = await SqliteEventStore.open(join(dir, 'events.sqlite'));
    cleanup.push(() => store.close());
    await appendPlans(store, 0, 30);
    const live = new ProjectionRunner(store, openReadModelDb(':memory:'), [plan]);
    cleanup.push(() => live.stop());
    live.start();
    const before = live.database;
    const rebuild = new BlueGreenRebuild(store, live, [plan], { path: ':memory:' });
    rebuild.start();
    expect(await rebuild.settled()).toMatchObject({
      state: 'done',
      swappedAtPosition: 30 * (ACTIVITIES + 2),
    });
    expect(before.open).toBe(false);
    expect(live.database.memory).toBe(true);
    expect(count(live.database, 'rm_plan')).toBe(30);
    expect(readdirSync(dir).filter((f) => f.startsWith('read-models'))).toEqual([]);
  });

  it('removes the leftovers of a build a crash interrupted', async () => {
    const projections = [plan];
    const { store, live } = await engine(5, projections);
    const leftover = openReadModelDb(join(dir, 'read-models.next.sqlite'));
    leftover.exec('CREATE TABLE half_built (x)');
    leftover.close();
    blueGreen(store, live, projections).discardLeftovers();
    expect(readdirSync(dir).filter((f) => f.includes('next'))).toEqual([]);
  });
});

async function appendPlans(store: SqliteEventStore, from: number, plans: number): Promise<void> {
  for (let i = from; i < from + plans; i++) {
    await store.append(`plan-p${i}`, draftedPlan(`p${i}`, ACTIVITIES), { expectedRevision: 'no_stream' });
    await store.append(`plan-p${i}`, [planAdopted(`p${i}`)], { expectedRevision: ACTIVITIES });
  }
}

async function rebuiltFromZero(
  store: SqliteEventStore,
  projections: readonly Projection[],
  tables: readonly string[],
) {
  const db = new Database(':memory:');
  try {
    replay(db, projections, await store.readAll());
    return tableRows(db, tables);
  } finally {
    db.close();
  }
}

function count(db: Database.Database, table: string): number {
  return (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
}
