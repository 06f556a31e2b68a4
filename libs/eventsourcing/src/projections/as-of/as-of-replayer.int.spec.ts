import Database from 'better-sqlite3';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type RecordedEvent } from '#event-store';
import { newEvent } from '#event-store/testing/event-builders.js';
import { ProjectionRunner } from '../projection-runner.js';
import { openReadModelDb } from '../read-model-files.js';
import { countingProjection } from '../testing/counting.projection.js';
import { replay, tableRows } from '../testing/tables.js';
import { AsOfReplayer } from './as-of-replayer.js';
import { Snapshots, type SnapshotOptions } from './snapshots.js';

const counting = countingProjection();

/** The read model rebuilt from zero over `events`: what every "as of" view must equal. */
function rebuilt(events: readonly RecordedEvent[]) {
  const db = new Database(':memory:');
  replay(db, [counting], events);
  const rows = tableRows(db, counting.tables);
  db.close();
  return rows;
}

const day = (n: number) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString();
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

interface World {
  readonly dir: string;
  readonly store: SqliteEventStore;
  readonly snapshots: Snapshots;
  readonly log: RecordedEvent[];
  close(): Promise<void>;
}

/**
 * Given a log whose events occurred on the days `occurred` (in log order, not monotonic), projected
 * by the live runner into a WAL file while snapshots are taken as the engine takes them.
 */
async function world(occurred: readonly number[], options: Omit<SnapshotOptions, 'store'>): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), 'kurultai-as-of-'));
  const store = await SqliteEventStore.open(join(dir, 'events.sqlite'));
  const live = openReadModelDb(join(dir, 'read-models.sqlite'));
  const snapshots = new Snapshots(join(dir, 'snapshots'), { ...options, store });
  const runner = new ProjectionRunner(store, live, [counting], {
    maxBatch: 2,
    onFlushed: (p) => snapshots.maybeTake(live, p),
  });
  runner.start();
  for (const [i, n] of occurred.entries()) {
    const { position } = await store.append(`s-${i % 3}`, [
      newEvent('Numbered', { i }, { metadata: { occurredAt: day(n) } }),
    ]);
    if (!(await runner.waitFor(position, 5000))) throw new Error(`the runner did not reach ${position}`);
    await snapshots.settle();
  }
  await runner.stop();
  await snapshots.settle();
  live.close();
  const log = await store.readAll();
  return {
    dir,
    store,
    snapshots,
    log,
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('"as of" views from snapshots opened in place', () => {
  it('equal a rebuild at every position and leave the snapshot files exactly as they were', async () => {
    const w = await world(
      Array.from({ length: 40 }, (_, i) => i),
      { every: 5, growth: 0, keepRecent: 3 },
    );
    try {
      const before = new Map(w.snapshots.list().map((s) => [s.file, sha256(s.file)]));
      expect(before.size).toBeGreaterThanOrEqual(3);
      const replayer = new AsOfReplayer(w.store, [counting], w.snapshots, { cacheSize: 2, batch: 3 });
      // Questions one after the other, then many at once on the same snapshots.
      for (let position = 0; position <= w.log.length; position++) {
        const view = await replayer.open({ kind: 'position', position });
        expect(tableRows(view.db, counting.tables)).toEqual(rebuilt(w.log.slice(0, position)));
      }
      const positions = [40, 36, 37, 38, 39, 40, 21, 22, 23, 2, 3];
      await Promise.all(
        positions.map(async (position) => {
          const view = await replayer.open({ kind: 'position', position });
          expect(tableRows(view.db, counting.tables)).toEqual(rebuilt(w.log.slice(0, position)));
        }),
      );
      await replayer.close();
      for (const [file, hash] of before) expect(sha256(file)).toBe(hash);
    } finally {
      await w.close();
    }
  });

  it('keep a replay that outgrows the cache out of the snapshot file, even if the process dies', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kurultai-as-of-'));
    try {
      // Given a snapshot file in WAL mode, as the engine copies the live read models
      const file = join(dir, 'snapshots', 'read-models-1.sqlite');
      const snapshots = new Snapshots(join(dir, 'snapshots'), 1);
      const seed = openReadModelDb(file);
      seed.exec(`CREATE TABLE projection_checkpoints (name TEXT, version INT, position INT, updated_at TEXT);
        INSERT INTO projection_checkpoints VALUES ('p', 1, 1, '');
        CREATE TABLE big (x BLOB)`);
      seed.close();
      const hash = sha256(file);
      // When a view replays far more than its cache holds into it, and the process then dies
      // (its files copied as they are on disk at that moment)
      const view = snapshots.open(snapshots.list()[0]);
      view.pragma('cache_size = 8');
      const insert = view.prepare('INSERT INTO big VALUES (zeroblob(4096))');
      for (let i = 0; i < 2000; i++) insert.run();
      expect(existsSync(`${file}-wal`)).toBe(true);
      copyFileSync(file, join(dir, 'crashed.sqlite'));
      copyFileSync(`${file}-wal`, join(dir, 'crashed.sqlite-wal'));
      view.close();
      // Then the snapshot file was never written, and what the dead process left reads as the snapshot
      expect(sha256(file)).toBe(hash);
      const crashed = new Database(join(dir, 'crashed.sqlite'));
      expect(crashed.prepare('SELECT COUNT(*) FROM big').pluck().get()).toBe(0);
      crashed.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('skip a snapshot that cannot be taken and take the next one due', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kurultai-as-of-'));
    const live = openReadModelDb(join(dir, 'read-models.sqlite'));
    try {
      live.exec(`CREATE TABLE projection_checkpoints (name TEXT, version INT, position INT, updated_at TEXT);
        INSERT INTO projection_checkpoints VALUES ('p', 1, 10, '')`);
      const errors: unknown[] = [];
      const snapshots = new Snapshots(join(dir, 'snapshots'), { every: 10, onError: (e) => errors.push(e) });
      // Given a snapshot folder that cannot be written to
      rmSync(join(dir, 'snapshots'), { recursive: true });
      // When one is due, then it is reported, not thrown, and nothing is left behind
      snapshots.maybeTake(live, 10);
      await snapshots.settle();
      expect(errors).toHaveLength(1);
      expect(snapshots.taken).toBe(0);
      // And when the folder is back, the same one, still due, is taken
      mkdirSync(join(dir, 'snapshots'));
      snapshots.maybeTake(live, 10);
      await snapshots.settle();
      expect(snapshots.list().map((s) => s.position)).toEqual([10]);
      expect(snapshots.taken).toBe(1);
    } finally {
      live.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('by occurred time start from the newest snapshot whose events all occurred by then', async () => {
    // Given events that occurred on days 0..9, then one recorded late that occurred on day 2, then days 10..19
    const occurred = [
      ...Array.from({ length: 10 }, (_, i) => i),
      2,
      ...Array.from({ length: 10 }, (_, i) => 10 + i),
    ];
    const w = await world(occurred, { every: 4, growth: 0, keepRecent: 10 });
    try {
      const replayer = new AsOfReplayer(w.store, [counting], w.snapshots);
      for (let n = 0; n <= 20; n++) {
        const at = day(n);
        // Then the snapshot chosen holds only events that occurred by then, and the view equals a rebuild
        const snapshot = w.snapshots.nearestOccurred(at);
        if (snapshot)
          expect(w.log.slice(0, snapshot.position).every((e) => e.metadata.occurredAt <= at)).toBe(true);
        const view = await replayer.open({ kind: 'occurred', at });
        expect(tableRows(view.db, counting.tables)).toEqual(
          rebuilt(w.log.filter((e) => e.metadata.occurredAt <= at)),
        );
      }
      // And a late day uses one: the snapshots are of use to occurred-time questions
      expect(w.snapshots.nearestOccurred(day(19))?.position).toBeGreaterThan(10);
      expect(w.snapshots.nearestOccurred(day(5))?.position ?? 0).toBeLessThanOrEqual(6);
      await replayer.close();
    } finally {
      await w.close();
    }
  });

  it('equal a rebuild by position and by occurred time, whatever the snapshot spacing (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom(0, 0.25, 0.5, 1),
        fc.integer({ min: 1, max: 4 }),
        async (occurred, every, growth, keepRecent) => {
          const w = await world(occurred, { every, growth, keepRecent });
          try {
            const replayer = new AsOfReplayer(w.store, [counting], w.snapshots, { cacheSize: 2, batch: 4 });
            for (let position = 0; position <= w.log.length; position += 1) {
              const view = await replayer.open({ kind: 'position', position });
              expect(tableRows(view.db, counting.tables)).toEqual(rebuilt(w.log.slice(0, position)));
            }
            for (const n of [0, 5, 15, 30]) {
              const at = day(n);
              const view = await replayer.open({ kind: 'occurred', at });
              expect(tableRows(view.db, counting.tables)).toEqual(
                rebuilt(w.log.filter((e) => e.metadata.occurredAt <= at)),
              );
            }
            await replayer.close();
          } finally {
            await w.close();
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});
