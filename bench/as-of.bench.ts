import { copyFileSync, rmSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '#event-store';
import { AsOfReplayer, ProjectionRunner, Snapshots, type Projection, type Snapshot } from '#eventsourcing';
import { allProjections, findPlan } from '#read-models';
import { sizeLabel, type LogSizes } from './full-rebuild.bench.js';
import { compare, median, trackMemory, type Rounds, type Work } from './harness.js';
import { assertChecks, costFigure, peakFigure, type About, type BenchmarkResult } from './result.js';
import { StepwiseStore } from './stepwise-store.js';
import { removeDatabase, tempDir, type TempDir } from './temp-dir.js';
import { countRows, expectedRows } from './world-checks.js';
import { random } from './world-data.js';
import { megabytesOf, WorldLogs } from './world-logs.js';

export interface AsOfSizes {
  readonly log: LogSizes;
  /** A snapshot every this many events, as `KURULTAI_SNAPSHOT_EVERY` tells the engine (default 10,000). */
  readonly every: number;
  /** Questions asked at each size: the rounds of their comparison. */
  readonly questions: Rounds;
  /** Snapshots taken of each size's read models: the rounds of their comparison. */
  readonly snapshots: Rounds;
}

export const asOfAbout: About = {
  name: 'as-of',
  title: '"As of" questions and snapshots',
  measures:
    'Each generated log is first projected as a live engine meets it: `ProjectionRunner` with ' +
    '`allProjections` into a read-model file (WAL), a `Snapshots` folder taking an online-backup snapshot from ' +
    '`onFlushed` every `every` events and keeping the 8 newest (the engine defaults), the log shown to the ' +
    'runner `every` events at a time with each snapshot finished before the next step, as in an engine that ' +
    'keeps up with its commands. (An uninterrupted catch-up finishes no snapshot before its end: the online ' +
    'backup copies 100 pages a turn of the event loop and the runner adds more between turns.) A question is a fresh `AsOfReplayer` (nothing cached) ' +
    "opening `{ kind: 'position' }` at the head minus a random offset below `every` and half the small log " +
    '(the same offsets at both sizes, so as many events are replayed after the snapshot), then `findPlan` on ' +
    'the plan last touched by then: load the nearest snapshot into memory, replay the events after it, query. ' +
    'The resident set is read while the view is open: the replayer holds the whole read model in memory (and ' +
    "the engine caches 4 views). Snapshots are loaded by the engine's own `load`, except one within a tenth of " +
    '1 GiB, which SQLite cannot grow in memory: it is replayed on a file copy (`questionsOnFileCopies`; ' +
    "`engineSnapshotGrows` says whether the engine's in-memory load of the newest snapshot can grow, and " +
    '`engineViewRssMb` is the resident set while it holds it). The old ' +
    'question asks for a position just before the oldest snapshot kept: it replays from zero. A snapshot is one ' +
    '`Snapshots.maybeTake` of the whole caught-up read-model database, until `settle()`. The catch-up time is ' +
    'split by projection (`apply` and `rowsOf`), the rest of the runner and the snapshots.',
  baseline:
    'The same question, or snapshot, on the small log: a ratio near 1 means the cost does not grow with the ' +
    'length of the log. For the old question, a recent question on the same log.',
};

const TODAY = '2030-06-30';
const WAIT_MS = 60 * 60_000;

/** SQLite's in-memory images (`sqlite3_deserialize`) cannot grow past 1 GiB (SQLITE_MEMDB_DEFAULT_MAXSIZE). */
const MEMDB_LIMIT = 2 ** 30;

/**
 * `Snapshots` loading as the engine does (the whole snapshot in memory), except a snapshot within a
 * tenth of 1 GiB: SQLite cannot grow an in-memory image past 1 GiB, so the engine's replay into it
 * fails ("database or disk is full"). Those are replayed on a file copy instead.
 */
export class BenchSnapshots extends Snapshots {
  /** Views opened on a file copy. */
  fileCopies = 0;
  private readonly copies: string[] = [];

  constructor(
    folder: string,
    every: number,
    /** Snapshots from this size up are replayed on a file copy. */
    private readonly inMemoryBelow = MEMDB_LIMIT * 0.9,
  ) {
    super(folder, every);
  }

  override load(snapshot: Snapshot): Database.Database {
    if (statSync(snapshot.file).size < this.inMemoryBelow) return super.load(snapshot);
    const copy = `${snapshot.file}.view-${this.fileCopies++}`;
    copyFileSync(snapshot.file, copy);
    this.copies.push(copy);
    const db = new Database(copy);
    db.pragma('journal_mode = MEMORY');
    db.pragma('synchronous = OFF');
    return db;
  }

  /** Removes the file copies of the views closed since. */
  removeCopies(): void {
    for (const copy of this.copies.splice(0)) removeDatabase(copy);
  }
}

/**
 * The newest snapshot loaded by the engine's own `load`: whether it can grow by 64 MB, as a replay
 * grows it (1 or 0), and the resident set while it is held in memory (MB).
 */
function engineLoad(snapshot: Snapshot | undefined, folder: string, every: number) {
  if (!snapshot) return { engineSnapshotGrows: 0, engineViewRssMb: 0 };
  let db: Database.Database | undefined;
  let rss = 0;
  try {
    db = new Snapshots(folder, every).load(snapshot);
    rss = process.memoryUsage().rss;
    db.exec('CREATE TABLE bench_growth (x BLOB); INSERT INTO bench_growth VALUES (zeroblob(67108864))');
    return { engineSnapshotGrows: 1, engineViewRssMb: Math.round(rss / 2 ** 20) };
  } catch {
    return { engineSnapshotGrows: 0, engineViewRssMb: Math.round(rss / 2 ** 20) };
  } finally {
    db?.close();
  }
}

/** A log projected as the live engine does it, with its snapshots. */
interface Live {
  readonly label: string;
  readonly store: SqliteEventStore;
  readonly head: number;
  readonly db: Database.Database;
  readonly snapshots: BenchSnapshots;
  readonly catchUpMs: number;
  /** Of `catchUpMs`, the time spent waiting for snapshots to finish. */
  readonly snapshotMs: number;
  readonly projectionMs: Record<string, number>;
  readonly checks: Record<string, number>;
}

/** The projections, each `apply` and `rowsOf` timed into `ms` by name. */
function timed(projections: readonly Projection[], ms: Record<string, number>): Projection[] {
  return projections.map((projection) => {
    ms[projection.name] = 0;
    const time =
      <A extends unknown[], R>(f: (...args: A) => R) =>
      (...args: A): R => {
        const start = performance.now();
        try {
          return f(...args);
        } finally {
          ms[projection.name] += performance.now() - start;
        }
      };
    const rowsOf = projection.rowsOf?.bind(projection);
    return {
      ...projection,
      apply: time(projection.apply.bind(projection)),
      ...(rowsOf ? { rowsOf: time(rowsOf) } : {}),
    };
  });
}

/**
 * Projects a log as a live engine meets it: `every` events arrive, the runner applies them and a
 * snapshot is taken (the runner idle meanwhile, as in a live engine between commands), and so on.
 */
async function catchUp(logs: WorldLogs, events: number, every: number, dir: TempDir): Promise<Live> {
  const label = sizeLabel(events);
  const { file, log } = await logs.get(events);
  const store = await SqliteEventStore.open(file);
  const head = (await store.head()).position;
  const db = new Database(dir.file(`live-${label}.sqlite`));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const snapshots = new BenchSnapshots(dir.file(`snapshots-${label}`), every);
  const projectionMs: Record<string, number> = {};
  const steps = new StepwiseStore(store);
  let failure: unknown;
  let snapshotMs = 0;
  const started = performance.now();
  const runner = new ProjectionRunner(steps, db, timed(allProjections, projectionMs), {
    onFlushed: (position) => snapshots.maybeTake(db, position),
    onError: (error) => (failure = error),
  });
  runner.start();
  for (let visible = Math.min(every, head); ; visible = Math.min(visible + every, head)) {
    steps.show(visible);
    if (!(await runner.waitFor(visible, WAIT_MS))) {
      throw new Error(`the catch-up of ${label} did not reach ${visible}: ${String(failure)}`);
    }
    const snapshotStarted = performance.now();
    await snapshots.settle();
    snapshotMs += performance.now() - snapshotStarted;
    if (visible === head) break;
  }
  await runner.stop();
  const catchUpMs = performance.now() - started;
  const applied = Object.values(projectionMs).reduce((a, b) => a + b, 0);
  projectionMs['(runner, provenance, reading the log)'] = catchUpMs - snapshotMs - applied;
  projectionMs['(snapshots, waited for)'] = snapshotMs;
  const checks: Record<string, number> = { headPosition: head, ...countRows(db) };
  assertChecks(`as-of ${label}`, checks, { headPosition: events, ...expectedRows(log) });
  const folder = dir.file(`snapshots-${label}`);
  checks.snapshotsKept = snapshots.list().length;
  Object.assign(checks, engineLoad(snapshots.list().at(-1), folder, every));
  return { label, store, head, db, snapshots, catchUpMs, snapshotMs, projectionMs, checks };
}

/** One question a round: a fresh replayer (nothing cached) at `positionOf(round)`, then a plan query. */
function questionWork(
  live: Live,
  positionOf: (round: number) => number,
  replayed: number[],
  rssMb: number[] = [],
): Work {
  return {
    run: async (round) => {
      const position = positionOf(round);
      const replayer = new AsOfReplayer(live.store, allProjections, live.snapshots, { cacheSize: 1 });
      try {
        const view = await replayer.open({ kind: 'position', position });
        const planId = view.db
          .prepare('SELECT plan_id FROM rm_plan ORDER BY last_position DESC LIMIT 1')
          .pluck()
          .get();
        const plan = findPlan(view.db, String(planId), TODAY);
        if (view.position !== position || !plan || plan.position > position || plan.activities.length === 0) {
          throw new Error(`as of position ${position} of ${live.label}: no plan as expected`);
        }
        // The replay never yields to the event loop: the resident set is read while the view is open.
        rssMb.push(Math.round((process.memoryUsage().rss / 2 ** 20) * 10) / 10);
      } finally {
        await replayer.close();
        live.snapshots.removeCopies();
      }
      return 1;
    },
    after: (round) => {
      const position = positionOf(round);
      replayed.push(position - (live.snapshots.nearest(position)?.position ?? 0));
    },
  };
}

/** One snapshot a round of the caught-up read models, into a folder of its own. */
function snapshotWork(live: Live, dir: TempDir, megabytes: number[]): Work {
  let folder: string;
  let snapshots: Snapshots;
  return {
    before: (round) => {
      folder = dir.file(`one-snapshot-${live.label}-${round}`);
      snapshots = new Snapshots(folder, 1, 1);
    },
    run: async () => {
      snapshots.maybeTake(live.db, live.head);
      await snapshots.settle();
      return 1;
    },
    after: () => {
      const [snapshot] = snapshots.list();
      if (snapshot?.position !== live.head) throw new Error(`no snapshot of ${live.label} at its head`);
      megabytes.push(megabytesOf(snapshot.file));
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/**
 * Projects the small and the large log as the live engine does, with snapshots, then asks "as of"
 * questions and takes snapshots at both sizes, the small one as the baseline.
 */
export async function runAsOfBenchmark(sizes: AsOfSizes, shared?: WorldLogs): Promise<BenchmarkResult> {
  const logs = shared ?? new WorldLogs();
  const dir = tempDir('as-of');
  const memory = trackMemory();
  const started = performance.now();
  const lives: Live[] = [];
  try {
    const small = await catchUp(logs, sizes.log.small, sizes.every, dir);
    lives.push(small);
    const large = await catchUp(logs, sizes.log.large, sizes.every, dir);
    lives.push(large);

    // The same offsets below the head at both sizes, below one snapshot interval and half the small log.
    const rnd = random(sizes.log.large);
    const offsets = Array.from({ length: sizes.questions.warmup + sizes.questions.rounds }, () =>
      rnd(Math.min(sizes.every, Math.floor(sizes.log.small / 2))),
    );
    const replayed = { large: [] as number[], small: [] as number[] };
    const viewRss = { large: [] as number[], small: [] as number[] };
    const questions = await compare(
      questionWork(large, (round) => large.head - offsets[round], replayed.large, viewRss.large),
      questionWork(small, (round) => small.head - offsets[round], replayed.small, viewRss.small),
      sizes.questions,
    );
    const oldest = large.snapshots.list()[0]?.position ?? 1;
    const old = await compare(
      questionWork(large, () => Math.max(1, oldest - 1), []),
      questionWork(large, () => large.head - Math.floor(sizes.every / 2), []),
      { warmup: 0, rounds: 1 },
    );
    const snapshotMb = { large: [] as number[], small: [] as number[] };
    const snapshotCost = await compare(
      snapshotWork(large, dir, snapshotMb.large),
      snapshotWork(small, dir, snapshotMb.small),
      sizes.snapshots,
    );

    for (const live of lives) live.checks.questionsOnFileCopies = live.snapshots.fileCopies;
    const kept = large.snapshots.list();
    const seconds = (ms: number) => Math.round(ms / 100) / 10;
    const byProjection = (live: Live) =>
      Object.fromEntries(
        Object.entries(live.projectionMs)
          .sort(([, a], [, b]) => b - a)
          .map(([name, ms]) => [name, Math.round(ms)]),
      );
    const prefixed = (live: Live) =>
      Object.fromEntries(Object.entries(live.checks).map(([key, value]) => [`${live.label}: ${key}`, value]));
    return {
      ...asOfAbout,
      sizes: {
        largeEvents: sizes.log.large,
        smallEvents: sizes.log.small,
        every: sizes.every,
        questionRounds: sizes.questions.rounds,
        snapshotRounds: sizes.snapshots.rounds,
      },
      figures: [
        costFigure(
          `question as of a recent position, ${large.label} vs ${small.label} log`,
          { engine: `${large.label} log`, baseline: `${small.label} log` },
          questions,
        ),
        costFigure(
          `question older than the snapshots kept, ${large.label} log`,
          { engine: `position ${Math.max(1, oldest - 1)}: from zero`, baseline: 'recent: from a snapshot' },
          old,
        ),
        peakFigure(
          `RSS holding one "as of" view, ${large.label} vs ${small.label} log`,
          'MB',
          { engine: `${large.label} log`, baseline: `${small.label} log` },
          {
            engine: viewRss.large.slice(sizes.questions.warmup),
            baseline: viewRss.small.slice(sizes.questions.warmup),
          },
        ),
        costFigure(
          `one snapshot of the read models, ${large.label} vs ${small.label} log`,
          { engine: `${large.label} log`, baseline: `${small.label} log` },
          snapshotCost,
        ),
      ],
      checks: { ...prefixed(small), ...prefixed(large) },
      breakdown: {
        [`catch-up in steps of ${sizes.every} with a snapshot after each, seconds`]: {
          [large.label]: seconds(large.catchUpMs),
          [small.label]: seconds(small.catchUpMs),
        },
        'of which waiting for the snapshots, seconds': {
          [large.label]: seconds(large.snapshotMs),
          [small.label]: seconds(small.snapshotMs),
        },
        'one snapshot file, MB': {
          [large.label]: Math.max(...snapshotMb.large),
          [small.label]: Math.max(...snapshotMb.small),
        },
        [`snapshots kept for ${large.label} (engine default 8)`]: {
          count: kept.length,
          oldestPosition: kept[0]?.position ?? 0,
          newestPosition: kept.at(-1)?.position ?? 0,
          totalMb: Math.round(kept.reduce((sum, s) => sum + megabytesOf(s.file), 0)),
        },
        'events replayed after the snapshot, median': {
          [large.label]: median(replayed.large),
          [small.label]: median(replayed.small),
        },
        [`catch-up of ${large.label} by projection, ms`]: byProjection(large),
        [`catch-up of ${small.label} by projection, ms`]: byProjection(small),
      },
      memory: memory(),
      durationMs: performance.now() - started,
    };
  } finally {
    for (const live of lives) {
      live.db.close();
      await live.store.close();
    }
    for (const live of lives) removeDatabase(dir.file(`live-${live.label}.sqlite`));
    dir.remove();
    if (!shared) logs.remove();
  }
}
