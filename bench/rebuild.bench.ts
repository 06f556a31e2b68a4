import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '#event-store';
import { ProjectionRunner } from '#eventsourcing';
import { allProjections } from '#read-models';
import { compare, trackMemory, type Rounds, type Work } from './harness.js';
import { writePlanLog } from './plan-log.js';
import { countRows, rawRebuild } from './raw-projection.js';
import { assertChecks, figure, type About, type BenchmarkResult } from './result.js';
import { removeDatabase, tempDir } from './temp-dir.js';

export interface RebuildSizes extends Rounds {
  /** Events in the log the read models are rebuilt from. */
  readonly events: number;
}

export const rebuildAbout: About = {
  name: 'rebuild',
  title: 'Projection rebuild',
  measures:
    '`ProjectionRunner` with `allProjections` rebuilding from position 0 into a fresh read-model SQLite file ' +
    '(WAL, synchronous=NORMAL) until `waitFor(head)` resolves: catch-up subscription pages, `RecordedEvent` ' +
    'objects, per-projection dispatch, batched transactions with checkpoints. The log holds plans drafted, ' +
    'their activities (4 to 40 each) and four in five adopted, written by the real decider, one batch a plan.',
  baseline:
    'A hand-written scan of the same events table with better-sqlite3 `.iterate()`: JSON.parse of each ' +
    "row's data and metadata, and the same INSERT/UPDATE statements into plain tables (no STRICT, no " +
    'checkpoint), in transactions of the runner’s default batch size (2000 events).',
};

const BATCH = 2000;
const WAIT_MS = 10 * 60_000;

export async function runRebuildBenchmark(sizes: RebuildSizes): Promise<BenchmarkResult> {
  const dir = tempDir('rebuild');
  const memory = trackMemory();
  const started = performance.now();
  const eventsFile = dir.file('events.sqlite');
  const store = await SqliteEventStore.open(eventsFile);
  try {
    const log = await writePlanLog(store, sizes.events);
    const head = (await store.head()).position;
    const checks: Record<string, number> = { headPosition: head };
    let db: Database.Database;
    let runner: ProjectionRunner;
    const engine: Work = {
      before: (round) => {
        db = new Database(dir.file(`engine-${round}.sqlite`));
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
      },
      run: async () => {
        runner = new ProjectionRunner(store, db, allProjections, { maxBatch: BATCH });
        runner.start();
        const reached = await runner.waitFor(head, WAIT_MS);
        if (!reached) throw new Error('the projection runner did not reach the head');
        return head;
      },
      after: async (round) => {
        await runner.stop();
        checks.engineCheckpoint = runner.position;
        db.close();
        const file = dir.file(`engine-${round}.sqlite`);
        [checks.enginePlans, checks.engineActivities] = countRows(file, ['rm_plan', 'rm_plan_activity']);
        removeDatabase(file);
      },
    };
    const baseline: Work = {
      run: (round) => rawRebuild(eventsFile, dir.file(`raw-${round}.sqlite`), BATCH),
      after: (round) => {
        const file = dir.file(`raw-${round}.sqlite`);
        [checks.baselinePlans, checks.baselineActivities] = countRows(file, ['plan', 'plan_activity']);
        removeDatabase(file);
      },
    };
    const comparison = await compare(engine, baseline, sizes);
    assertChecks('rebuild', checks, {
      headPosition: log.events,
      engineCheckpoint: log.events,
      enginePlans: log.plans,
      engineActivities: log.activities,
      baselinePlans: log.plans,
      baselineActivities: log.activities,
    });
    const labels = { engine: 'ProjectionRunner + allProjections', baseline: 'raw iterate + parse + insert' };
    return {
      ...rebuildAbout,
      sizes: { ...sizes, plans: log.plans, activities: log.activities, adopted: log.adopted },
      figures: [figure('rebuild from zero', 'events/s', labels, comparison)],
      checks,
      memory: memory(),
      durationMs: performance.now() - started,
    };
  } finally {
    await store.close();
    dir.remove();
  }
}
