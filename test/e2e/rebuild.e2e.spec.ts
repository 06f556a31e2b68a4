import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { EventStore } from '../../libs/event-store/src/index.js';
import { applyEvent, ReadModels, setupProvenance } from '../../libs/eventsourcing/src/index.js';
import { tableRows } from '../../libs/eventsourcing/src/projections/testing/tables.js';
import { allProjections } from '../../libs/read-models/src/index.js';
import { draftedPlan, planAdopted } from '../../libs/eventsourcing/src/projections/testing/plan-events.js';
import { importScenario } from '../../apps/api/src/scenario/import-scenario.js';
import { loadScenario } from '../../apps/api/src/scenario/scenario.js';
import { headersFor, SECRETARIAT, startEngine, type Reply, type RunningEngine } from '../support/engine.js';

const FILE = join(__dirname, '..', '..', 'scenarios', 'ots-diaspora-2022-2025.json');
const LOAD_PLANS = 1000;

/** A blue/green rebuild over HTTP while the API keeps answering. */
describe('POST /api/operations/rebuild', () => {
  let engine: RunningEngine;

  beforeAll(async () => {
    engine = await startEngine();
    await importScenario(engine, await loadScenario(FILE));
    // Enough of a log (a few thousand events) for the rebuild to take a while.
    const store = engine.app.get<EventStore>(Symbol.for('kurultai.EventStore'));
    for (let i = 0; i < LOAD_PLANS; i++) {
      await store.append(`plan-load-${i}`, [...draftedPlan(`load-${i}`, 6), planAdopted(`load-${i}`)]);
    }
  }, 60_000);
  afterAll(() => engine.close());

  it('builds beside the live read models, swaps them in when caught up, and the API answers throughout', async () => {
    const head = (await engine.get('/health/ready')).body.headPosition;
    expect(head).toBeGreaterThan(LOAD_PLANS * 8);
    const listed = await engine.get(`/api/plans?seriesId=diaspora-ministerial&minPosition=${head}`);
    expect(listed.body.total).toBe(3);
    expect((await engine.get('/api/plans?limit=1')).body.total).toBe(LOAD_PLANS + 3);
    const plan2025 = (await engine.get('/api/plans/diaspora-2025')).body;
    const file = join(engine.dataDir, 'read-models.sqlite');
    const inode = statSync(file).ino;
    expect((await engine.get('/api/operations/rebuild')).body).toMatchObject({ state: 'idle' });

    const [started, again] = await Promise.all([
      rawPost('/api/operations/rebuild'),
      rawPost('/api/operations/rebuild'),
    ]);
    expect(started.status).toBe(202);
    expect(started.headers.get('location')).toBe('/api/operations/rebuild');
    expect(started.body).toMatchObject({ state: 'building', statusUrl: '/api/operations/rebuild' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ type: 'urn:kurultai:problem:rebuild-in-progress' });

    // While it runs: the plan list, every few milliseconds, and a command.
    let finished = false;
    const answers: { at: number; series: Reply; all: Reply }[] = [];
    const hammer = (async () => {
      while (!finished) {
        const [series, all] = await Promise.all([
          engine.get('/api/plans?seriesId=diaspora-ministerial'),
          engine.get('/api/plans?limit=1'),
        ]);
        answers.push({ series, all, at: Date.now() });
        await sleep(2);
      }
    })();
    const drafting = engine.post('/api/commands/DraftPlan', {
      planId: 'diaspora-2026',
      seriesId: 'diaspora-ministerial',
      year: 2026,
      title: { en: 'Diaspora Joint Activity Plan of the OTS for the year 2026' },
    });
    const states: string[] = [];
    let status: Reply;
    do {
      status = await engine.get('/api/operations/rebuild');
      expect(status.status).toBe(200);
      states.push(status.body.state);
      await sleep(5);
    } while (status.body.state === 'building' || status.body.state === 'swapping');
    finished = true;
    await hammer;
    const drafted = await drafting;
    expect(drafted.status).toBe(200);

    expect(status.body).toMatchObject({ state: 'done', statusUrl: '/api/operations/rebuild' });
    expect(status.body.buildPosition).toBeGreaterThanOrEqual(head);
    expect(Date.parse(status.body.finishedAt)).toBeGreaterThanOrEqual(Date.parse(status.body.startedAt));
    expect(states).toContain('building');
    const during = answers.filter(({ at }) => at < Date.parse(status.body.finishedAt));
    expect(during.length).toBeGreaterThan(0);
    for (const { series, all } of answers) {
      expect([series.status, all.status]).toEqual([200, 200]);
      // The full list every time (the plan drafted meanwhile may or may not be in yet).
      expect(series.body.items.filter((p: { id: string }) => p.id !== 'diaspora-2026')).toEqual(
        listed.body.items,
      );
      expect(all.body.total).toBeGreaterThanOrEqual(LOAD_PLANS + 3);
    }

    // After the swap: the same data, the command sent meanwhile included, the old file replaced.
    const after = await engine.get(`/api/plans/diaspora-2026?minPosition=${drafted.body.position}`);
    expect(after.body).toMatchObject({ id: 'diaspora-2026', status: 'drafted' });
    expect((await engine.get('/api/plans/diaspora-2025')).body).toEqual(plan2025);
    expect((await engine.get('/api/plans?limit=1')).body.total).toBe(LOAD_PLANS + 4);
    expect(statSync(file).ino).not.toBe(inode);
    expect(existsSync(join(engine.dataDir, 'read-models.next.sqlite'))).toBe(false);
    expect((await engine.get('/health/ready')).status).toBe(200);
    const [processes] = (await engine.get(`/api/processes?minPosition=${drafted.body.position}`)).body;
    expect(processes).toMatchObject({ state: 'running', refused: [] });
    expect((await engine.get(`/api/plans?asOf=position:${head}&limit=1`)).body.total).toBe(LOAD_PLANS + 3);

    // Every table of every read model equals a replay of the whole log from zero.
    const live = engine.app.get(ReadModels).db;
    const replayed = await replayFromZero(engine.app.get<EventStore>(Symbol.for('kurultai.EventStore')));
    const tables = replayed
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['projection_provenance', 'rm_plan', 'rm_plan_activity']));
    expect(tableRows(live, tables)).toEqual(tableRows(replayed, tables));
    replayed.close();
  });

  async function rawPost(path: string) {
    const response = await fetch(engine.url + path, {
      method: 'POST',
      headers: await headersFor(engine, SECRETARIAT),
    });
    return { status: response.status, headers: response.headers, body: await response.json() };
  }
});

async function replayFromZero(store: EventStore): Promise<Database.Database> {
  const db = new Database(':memory:');
  setupProvenance(db);
  for (const projection of allProjections) projection.setup(db);
  const events = await store.readAll();
  db.transaction(() => {
    for (const event of events) {
      for (const projection of allProjections) {
        if (!projection.eventTypes || projection.eventTypes.includes(event.type))
          applyEvent(db, projection, event);
      }
    }
  })();
  return db;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
