import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type RecordedEvent } from '#event-store';
import { newEvent } from '#event-store/testing/event-builders.js';
import {
  applyEvent,
  AsOfReplayer,
  BlueGreenRebuild,
  openReadModelDb,
  ProjectionRunner,
  setupProvenance,
  tablesOf,
  type Projection,
} from '#eventsourcing';
import { writeWorldLog } from '../../../bench/world-log.js';
import { allProjections } from './index.js';

/** Every row of every read-model table and of the provenance, in a stable order. */
function everyRow(db: Database.Database, projections: readonly Projection[]): Record<string, unknown[]> {
  const tables = [...projections.flatMap((p) => tablesOf(p)), 'projection_provenance'];
  return Object.fromEntries(
    tables.map((table) => {
      const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[])
        .length;
      const order = Array.from({ length: columns }, (_, i) => i + 1).join(', ');
      return [table, db.prepare(`SELECT * FROM "${table}" ORDER BY ${order}`).raw(true).all()];
    }),
  );
}

/** Compared as text table by table (quick), with the differing table shown when one differs. */
function expectSameRows(
  position: number,
  actual: Record<string, unknown[]>,
  expected: Record<string, unknown[]>,
) {
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
  for (const table of Object.keys(expected))
    if (JSON.stringify(actual[table]) !== JSON.stringify(expected[table]))
      expect({ position, table, rows: actual[table] }).toEqual({ position, table, rows: expected[table] });
}

/** The read models rebuilt from zero, one event at a time, with the same projection code. */
class Rebuild {
  readonly db = new Database(':memory:');
  constructor(private readonly projections: readonly Projection[]) {
    setupProvenance(this.db);
    for (const projection of projections) projection.setup(this.db);
  }
  apply(event: RecordedEvent): void {
    for (const projection of this.projections)
      if (!projection.eventTypes || projection.eventTypes.includes(event.type))
        applyEvent(this.db, projection, event);
  }
}

describe('"as of" questions by position answered from the row history of the live read models', () => {
  let dir: string;
  let store: SqliteEventStore;
  let runner: ProjectionRunner;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kurultai-row-history-'));
    store = await SqliteEventStore.open(join(dir, 'events.sqlite'));
  });
  afterEach(async () => {
    await runner?.stop();
    if (runner?.database.open) runner.database.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function liveOn(events: number, options: { maxBatch?: number } = {}) {
    await writeWorldLog(store, events);
    runner = new ProjectionRunner(
      store,
      openReadModelDb(join(dir, 'read-models.sqlite')),
      allProjections,
      options,
    );
    runner.start();
    const head = (await store.head()).position;
    expect(await runner.waitFor(head, 60_000)).toBe(true);
    return head;
  }

  it('given a generated log touching every read model, when asked at every position, then each answer equals a rebuild from zero up to it', async () => {
    // Every position of a 700-event log, every table compared: about 15 s on a shared machine.
    // Small batches: the live runner commits many transactions, as it does under a steady trickle.
    const head = await liveOn(700, { maxBatch: 7 });
    const log = await store.readAll();
    const rebuild = new Rebuild(allProjections);
    const replayer = new AsOfReplayer(store, allProjections, null, { live: runner, cacheSize: 1 });
    try {
      const types = new Set(log.map((e) => e.type));
      expect(types.size).toBeGreaterThan(25);
      for (let position = 0; position <= head; position++) {
        if (position > 0) rebuild.apply(log[position - 1]);
        const view = await replayer.open({ kind: 'position', position });
        // From the live file's history (a read-only connection), not from a replay.
        expect(view.db.readonly).toBe(true);
        expectSameRows(position, everyRow(view.db, allProjections), everyRow(rebuild.db, allProjections));
      }
    } finally {
      await replayer.close();
      rebuild.db.close();
    }
  }, 120_000);

  it('given a question by recorded time, when answered, then it is the history at the last position recorded by then', async () => {
    const head = await liveOn(300);
    const log = await store.readAll();
    const middle = log[Math.floor(head / 2)];
    const replayer = new AsOfReplayer(store, allProjections, null, { live: runner });
    const fromZero = new AsOfReplayer(store, allProjections, null);
    try {
      const view = await replayer.open({ kind: 'recorded', at: middle.metadata.recordedAt });
      const replayed = await fromZero.open({ kind: 'recorded', at: middle.metadata.recordedAt });
      expect(view.db.readonly).toBe(true);
      expect(replayed.db.readonly).toBe(false);
      expect(view.position).toBe(replayed.position);
      expect(everyRow(view.db, allProjections)).toEqual(everyRow(replayed.db, allProjections));
    } finally {
      await replayer.close();
      await fromZero.close();
    }
  });

  it('given a question by occurred time, when answered, then it replays (history is by position) and still equals a replay from zero', async () => {
    await liveOn(200);
    const at = (await store.readAll())[120].metadata.occurredAt;
    const replayer = new AsOfReplayer(store, allProjections, null, { live: runner });
    const fromZero = new AsOfReplayer(store, allProjections, null);
    try {
      const view = await replayer.open({ kind: 'occurred', at });
      expect(view.db.readonly).toBe(false);
      const replayed = await fromZero.open({ kind: 'occurred', at });
      expect(everyRow(view.db, allProjections)).toEqual(everyRow(replayed.db, allProjections));
    } finally {
      await replayer.close();
      await fromZero.close();
    }
  });

  it('given read models built before history was kept, when asked before history began, then the answer is replayed; from then on, read from history', async () => {
    await writeWorldLog(store, 200);
    const path = join(dir, 'read-models.sqlite');
    const before = new ProjectionRunner(store, openReadModelDb(path), allProjections, { rowHistory: false });
    before.start();
    expect(await before.waitFor(200, 60_000)).toBe(true);
    await before.stop();
    before.database.close();
    runner = new ProjectionRunner(store, openReadModelDb(path), allProjections);
    runner.start();
    // Ten more plans drafted: positions 201 to 210.
    for (let i = 0; i < 10; i++)
      await store.append(`plan-later-${i}`, [
        newEvent('PlanDrafted', {
          planId: `later-${i}`,
          seriesId: 's',
          year: 2031,
          title: { en: `later ${i}` },
        }),
      ]);
    expect(await runner.waitFor(210, 60_000)).toBe(true);
    const replayer = new AsOfReplayer(store, allProjections, null, { live: runner, cacheSize: 1 });
    const fromZero = new AsOfReplayer(store, allProjections, null, { cacheSize: 1 });
    try {
      for (const [position, fromHistory] of [
        [150, false],
        [199, false],
        [200, true],
        [205, true],
        [210, true],
      ] as const) {
        const view = await replayer.open({ kind: 'position', position });
        expect([position, view.db.readonly]).toEqual([position, fromHistory]);
        const replayed = await fromZero.open({ kind: 'position', position });
        expect(everyRow(view.db, allProjections)).toEqual(everyRow(replayed.db, allProjections));
      }
    } finally {
      await replayer.close();
      await fromZero.close();
    }
  });

  it('given a live view just pushed out of the cache, when the live file is suspended for a swap, then its connection is closed first', async () => {
    await liveOn(100);
    const replayer = new AsOfReplayer(store, allProjections, null, { live: runner, cacheSize: 1 });
    try {
      const first = await replayer.open({ kind: 'position', position: 50 });
      expect(first.db.readonly).toBe(true);
      // An occurred-time question takes its place: the first view closes a turn later
      await replayer.open({ kind: 'occurred', at: '2100-01-01T00:00:00.000Z' });
      await replayer.suspendLive();
      expect(first.db.open).toBe(false);
      // While suspended, questions by position replay instead of opening the live file
      expect((await replayer.open({ kind: 'position', position: 60 })).db.readonly).toBe(false);
      replayer.resumeLive();
      expect((await replayer.open({ kind: 'position', position: 70 })).db.readonly).toBe(true);
    } finally {
      await replayer.close();
    }
  });

  it('given a view open on the live file, when a blue/green rebuild swaps the files, then the swap succeeds and later questions read the new file', async () => {
    const head = await liveOn(200);
    const replayer = new AsOfReplayer(store, allProjections, null, { live: runner });
    const rebuild = new BlueGreenRebuild(store, runner, allProjections, {
      path: join(dir, 'read-models.sqlite'),
      beforeSwap: () => replayer.suspendLive(),
      afterSwap: () => replayer.resumeLive(),
    });
    try {
      const before = await replayer.open({ kind: 'position', position: 100 });
      const rows = everyRow(before.db, allProjections);
      rebuild.start();
      const status = await rebuild.settled();
      expect(status).toMatchObject({ state: 'done' });
      // The view was closed for the swap; the same question is asked again of the new file.
      expect(before.db.open).toBe(false);
      const after = await replayer.open({ kind: 'position', position: 100 });
      expect(after.db.readonly).toBe(true);
      expect(everyRow(after.db, allProjections)).toEqual(rows);
      expect((await replayer.open({ kind: 'position', position: head })).db.readonly).toBe(true);
    } finally {
      await rebuild.stop();
      await replayer.close();
    }
  });
});
