import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '#event-store';
import { AsOfReplayer, ProjectionRunner, Snapshots, type AsOf, type Projection } from '#eventsourcing';
import { allProjections } from '#read-models';
import {
  assertPath,
  historyQuestions,
  askPlan,
  planToAsk,
  type AsOfLog,
  type Anchors,
  type HistoryRounds,
} from './as-of-history.js';
import { sizeLabel, type LogSizes } from './full-rebuild.bench.js';
import { compare, median, trackMemory, type Rounds, type Work } from './harness.js';
import {
  assertChecks,
  costFigure,
  pairedFigure,
  peakFigure,
  type About,
  type BenchmarkResult,
} from './result.js';
import { removeDatabase, tempDir, type TempDir } from './temp-dir.js';
import { countRows, expectedRows } from './world-checks.js';
import { random } from './world-data.js';
import { megabytesOf, WorldLogs } from './world-logs.js';

export interface AsOfSizes {
  readonly log: LogSizes;
  /** The fewest events between snapshots, as `KURULTAI_SNAPSHOT_EVERY` tells the engine (default 10,000). */
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
    'Each generated log is caught up from zero as an engine restarting on it does: `ProjectionRunner` with ' +
    '`allProjections` into a read-model file (WAL) in one uninterrupted catch-up, keeping row history (the ' +
    'default), a `Snapshots` folder with the engine defaults (at least `every` events apart, and 5% of the ' +
    'position once that is more; the 4 newest kept and older ones thinned to log-spaced positions) taking its ' +
    'snapshots from `onFlushed` while the runner goes on. The large log is caught up twice more without ' +
    'snapshots: with row history, and with `rowHistory: false`; the read-model file of each is measured after ' +
    'a WAL checkpoint. Every question times a fresh `AsOfReplayer` (nothing cached) opening the view, then ' +
    '`findPlan` on the plan last touched by then that has activities, then the close; that plan is picked ' +
    'before the timing, from the row history (the pick scans every version of `rm_plan_activity`: its time is ' +
    'shown apart). A question from row history gives the replayer the live runner, stopped at the head, as ' +
    "`live` and asks `{ kind: 'position' }` at the same fractions of each log (the middle, 1%, then seeded " +
    'random ones): a read-only connection to the live file whose tables are shadowed by views of the rows as ' +
    'they stood. Every such view is checked to be read from the live file, and at three positions of each log ' +
    "(1%, against a replay from zero; after the replayed questions' snapshot and after the snapshot nearest " +
    'the middle, against a snapshot replay) its last plan, that plan, the plan tables and row counts are ' +
    "checked equal to the replay's. A question by snapshot replay (the path of occurred-time questions, of " +
    'positions before the history began, and of every question before row history) gives the replayer no ' +
    "`live` and asks `{ kind: 'position' }` a random offset below `every` after a snapshot kept (the same " +
    'offsets at both sizes: as many events replayed): open the snapshot in place, replay the events after it ' +
    'in a transaction never committed. The resident set is read while a view is open. The question by ' +
    "occurred time asks for `{ kind: 'occurred' }` at the latest occurred time a snapshot records (the newest " +
    'it can start from), about the plan last touched by that snapshot. A snapshot is one ' +
    '`Snapshots.maybeTake` of the whole caught-up read-model database (its row history included), until ' +
    '`settle()`.',
  baseline:
    'The same question, or snapshot, on the small log: a ratio near 1 means the cost does not grow with the ' +
    'length of the log. For the catch-up with snapshots, the same catch-up (with row history) without ' +
    'snapshots; for the catch-up with row history and its read-model file, the same catch-up without snapshots ' +
    'and with `rowHistory: false` (each catch-up runs once, one after the other); for the occurred-time ' +
    'question, a question by position replayed from the same snapshot.',
};

const WAIT_MS = 60 * 60_000;

/** A log projected as the live engine does it, with its snapshots. */
interface Live extends AsOfLog {
  readonly catchUpMs: number;
  /** The read-model file after a WAL checkpoint, MB. */
  readonly readModelMb: number;
  /** Of `catchUpMs`, the time spent after the runner reached the head, waiting for a snapshot to finish. */
  readonly snapshotMs: number;
  readonly snapshotsTaken: number;
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

/** What a catch-up keeps besides the read models. */
interface Keeping {
  readonly snapshots: boolean;
  readonly history: boolean;
}

/**
 * Catches a log up from zero in one go, as an engine restarting on it does, with the engine's
 * snapshots taken along the way (or none), keeping row history (or not).
 */
async function catchUp(
  logs: WorldLogs,
  events: number,
  every: number,
  dir: TempDir,
  keeping: Keeping,
): Promise<Live> {
  const label = sizeLabel(events);
  const { file, log } = await logs.get(events);
  const store = await SqliteEventStore.open(file);
  const head = (await store.head()).position;
  const variant = `${keeping.snapshots ? '' : '-plain'}${keeping.history ? '' : '-no-history'}`;
  const db = new Database(dir.file(`live-${label}${variant}.sqlite`));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const folder = dir.file(`snapshots-${label}${variant}`);
  const snapshots = new Snapshots(folder, { every: keeping.snapshots ? every : 0, store });
  const projectionMs: Record<string, number> = {};
  let failure: unknown;
  const started = performance.now();
  const runner = new ProjectionRunner(store, db, timed(allProjections, projectionMs), {
    // The engine's batches (2,000) at the default sizes; smaller ones on the tiny logs of tests.
    maxBatch: Math.max(1, Math.min(2000, Math.floor(every / 5))),
    onFlushed: (position) => snapshots.maybeTake(db, position),
    onError: (error) => (failure = error),
    rowHistory: keeping.history,
  });
  runner.start();
  if (!(await runner.waitFor(head, WAIT_MS))) {
    throw new Error(`the catch-up of ${label} did not reach ${head}: ${String(failure)}`);
  }
  const reached = performance.now();
  await runner.stop();
  await snapshots.settle();
  const catchUpMs = performance.now() - started;
  const snapshotMs = performance.now() - reached;
  const applied = Object.values(projectionMs).reduce((a, b) => a + b, 0);
  projectionMs['(runner, provenance, reading the log)'] = catchUpMs - snapshotMs - applied;
  projectionMs['(last snapshot, waited for)'] = snapshotMs;
  const checks: Record<string, number> = { headPosition: head, ...countRows(db) };
  assertChecks(`as-of ${label}`, checks, { headPosition: events, ...expectedRows(log) });
  checks.snapshotsKept = snapshots.list().length;
  db.pragma('wal_checkpoint(TRUNCATE)');
  return {
    label,
    store,
    head,
    db,
    snapshots,
    live: runner,
    catchUpMs,
    readModelMb: megabytesOf(db.name),
    snapshotMs,
    snapshotsTaken: snapshots.taken,
    projectionMs,
    checks,
  };
}

/**
 * One question a round by snapshot replay: a fresh replayer without the live read models (nothing
 * cached) as of `asOf(round)`, then `findPlan` on the plan last touched by position `pickAt(round)`
 * (picked before the timing).
 */
function questionWork(
  live: Live,
  asOf: (round: number) => AsOf,
  pickAt: (round: number) => number,
  rssMb: number[] = [],
): Work {
  let planId: string | null = null;
  return {
    before: async (round) => {
      planId = await planToAsk(live, pickAt(round));
    },
    run: async (round) => {
      const question = asOf(round);
      const replayer = new AsOfReplayer(live.store, allProjections, live.snapshots, { cacheSize: 1 });
      try {
        const view = await replayer.open(question);
        assertPath(live, view, 'replay');
        askPlan(live, view, question.kind === 'position' ? question.position : live.head, planId);
        // The replay never yields to the event loop: the resident set is read while the view is open.
        rssMb.push(Math.round((process.memoryUsage().rss / 2 ** 20) * 10) / 10);
      } finally {
        await replayer.close();
      }
      return 1;
    },
  };
}

/** The newest snapshot kept with at least `room` events after it before the next one or the head. */
function roomyAnchor(live: Live, room: number): number {
  const positions = [...live.snapshots.list().map((s) => s.position), live.head];
  for (let i = positions.length - 2; i >= 0; i--)
    if (positions[i + 1] - positions[i] >= room) return positions[i];
  return 0;
}

/** The latest occurred time the snapshot at `position` records. */
function occurredAt(live: Live, position: number): string | null {
  const snapshot = live.snapshots.list().find((s) => s.position === position);
  if (!snapshot) return null;
  const db = new Database(snapshot.file, { readonly: true });
  try {
    return db.prepare('SELECT latest_occurred FROM snapshot_meta').pluck().get() as string | null;
  } catch {
    return null;
  } finally {
    db.close();
  }
}

/** One snapshot a round of the caught-up read models, into a folder of its own. */
function snapshotWork(live: Live, dir: TempDir, megabytes: number[]): Work {
  let folder: string;
  let snapshots: Snapshots;
  return {
    before: (round) => {
      folder = dir.file(`one-snapshot-${live.label}-${round}`);
      snapshots = new Snapshots(folder, { every: 1, keepRecent: 1 });
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

/** The catch-ups of a run: both logs as the engine keeps them, and the large one twice more. */
interface CatchUps {
  readonly small: Live;
  readonly large: Live;
  /** The large log without snapshots, with row history. */
  readonly plain: Live;
  /** The large log without snapshots nor row history. */
  readonly bare: Live;
}

/** Closes a catch-up's database and store, and removes its files, once nothing reads them any more. */
async function release(live: Live, lives: Live[]): Promise<void> {
  lives.splice(lives.indexOf(live), 1);
  live.db.close();
  await live.store.close();
  removeDatabase(live.db.name);
}

/** Every catch-up of the run, in order; the large log's two baselines are closed once measured. */
async function catchUps(sizes: AsOfSizes, logs: WorldLogs, dir: TempDir, lives: Live[]): Promise<CatchUps> {
  const run = async (events: number, keeping: Keeping) => {
    const live = await catchUp(logs, events, sizes.every, dir, keeping);
    lives.push(live);
    return live;
  };
  const small = await run(sizes.log.small, { snapshots: true, history: true });
  const large = await run(sizes.log.large, { snapshots: true, history: true });
  const plain = await run(sizes.log.large, { snapshots: false, history: true });
  await release(plain, lives);
  const bare = await run(sizes.log.large, { snapshots: false, history: false });
  await release(bare, lives);
  return { small, large, plain, bare };
}

/**
 * Catches the small and the large log up from zero as the engine does (snapshots, row history),
 * and the large one twice more as baselines (without snapshots; without row history either), then
 * asks "as of" questions from row history and by snapshot replay and takes snapshots at both
 * sizes, the small one as the baseline.
 */
export async function runAsOfBenchmark(sizes: AsOfSizes, shared?: WorldLogs): Promise<BenchmarkResult> {
  const logs = shared ?? new WorldLogs();
  const dir = tempDir('as-of');
  const memory = trackMemory();
  const started = performance.now();
  const lives: Live[] = [];
  try {
    const all = await catchUps(sizes, logs, dir, lives);
    const { small, large, plain, bare } = all;

    // The same offsets after a snapshot at both sizes: below `every`, and below the room after it.
    const room = Math.min(sizes.every, Math.floor(sizes.log.small / 4));
    const anchors: Anchors = { large: roomyAnchor(large, room), small: roomyAnchor(small, room) };
    const rnd = random(sizes.log.large);
    const offsets = Array.from(
      { length: sizes.questions.warmup + sizes.questions.rounds },
      () => 1 + rnd(room - 1),
    );
    const history = await historyQuestions(sizes.questions, all, anchors, offsets[0]);
    const viewRss = { large: [] as number[], small: [] as number[] };
    const after = (anchor: number) => (round: number) => anchor + offsets[round];
    const at =
      (anchor: number) =>
      (round: number): AsOf => ({ kind: 'position', position: after(anchor)(round) });
    const questions = await compare(
      questionWork(large, at(anchors.large), after(anchors.large), viewRss.large),
      questionWork(small, at(anchors.small), after(anchors.small), viewRss.small),
      sizes.questions,
    );
    // By occurred time: everything that had occurred by the latest occurred time the questions'
    // snapshot records, read from there to the head; beside a question by position from the same one.
    const occurredBy = occurredAt(large, anchors.large);
    const occurred = occurredBy
      ? await compare(
          // Every event up to the snapshot occurred by then: its last plan is in the view.
          questionWork(
            large,
            () => ({ kind: 'occurred', at: occurredBy }),
            () => anchors.large,
          ),
          questionWork(large, at(anchors.large), after(anchors.large)),
          { warmup: 0, rounds: 1 },
        )
      : null;
    const snapshotMb = { large: [] as number[], small: [] as number[] };
    const snapshotCost = await compare(
      snapshotWork(large, dir, snapshotMb.large),
      snapshotWork(small, dir, snapshotMb.small),
      sizes.snapshots,
    );

    const kept = large.snapshots.list();
    const seconds = (ms: number) => Math.round(ms / 100) / 10;
    const round1 = (n: number) => Math.round(n * 10) / 10;
    const measured = <T>(values: readonly T[]) => values.slice(sizes.questions.warmup);
    const middle = (live: Live) => Math.floor(live.head / 2);
    const behind = (live: Live) => middle(live) - (live.snapshots.nearest(middle(live))?.position ?? 0);
    const byFraction = (rounds: HistoryRounds) =>
      Object.fromEntries(
        measured(history.fractions).map((fraction, i) => [
          String(fraction),
          round1(measured(rounds.openMs)[i] + measured(rounds.queryMs)[i]),
        ]),
      );
    const byProjection = (live: Live) =>
      Object.fromEntries(
        Object.entries(live.projectionMs)
          .sort(([, a], [, b]) => b - a)
          .map(([name, ms]) => [name, Math.round(ms)]),
      );
    const prefixed = (live: Live) =>
      Object.fromEntries(Object.entries(live.checks).map(([key, value]) => [`${live.label}: ${key}`, value]));
    const sizesLabels = { engine: `${large.label} log`, baseline: `${small.label} log` };
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
          `question anywhere in the log, from row history, ${large.label} vs ${small.label} log`,
          {
            engine: `${large.label}: at ${measured(history.fractions).join(', ')} of the log`,
            baseline: `${small.label}: at the same fractions`,
          },
          history.comparison,
        ),
        costFigure(
          `question ${room > 1 ? `1-${room - 1}` : '1'} events after a snapshot, by snapshot replay, ` +
            `${large.label} vs ${small.label} log`,
          sizesLabels,
          questions,
        ),
        ...(occurred && occurredBy
          ? [
              costFigure(
                `question by occurred time, by snapshot replay, ${large.label} log`,
                {
                  engine: `occurred:${occurredBy}: from ${anchors.large}, reading ${large.head - anchors.large}`,
                  baseline: `by position, ${offsets[0]} after the same snapshot`,
                },
                occurred,
              ),
            ]
          : []),
        pairedFigure(
          `catch-up from zero with snapshots vs without, ${large.label} log`,
          'ms',
          'lower',
          { engine: 'snapshots and row history', baseline: 'row history, no snapshots' },
          { engine: [large.catchUpMs], baseline: [plain.catchUpMs] },
        ),
        pairedFigure(
          `catch-up from zero with row history vs without, ${large.label} log`,
          'ms',
          'lower',
          { engine: 'row history, no snapshots', baseline: 'rowHistory: false, no snapshots' },
          { engine: [plain.catchUpMs], baseline: [bare.catchUpMs] },
        ),
        pairedFigure(
          `read-model file with row history vs without, ${large.label} log`,
          'MB',
          'lower',
          { engine: 'row history', baseline: 'rowHistory: false' },
          { engine: [plain.readModelMb], baseline: [bare.readModelMb] },
        ),
        peakFigure(
          `RSS holding one replayed "as of" view, ${large.label} vs ${small.label} log`,
          'MB',
          sizesLabels,
          {
            engine: measured(viewRss.large),
            baseline: measured(viewRss.small),
          },
        ),
        costFigure(
          `one snapshot of the read models, ${large.label} vs ${small.label} log`,
          sizesLabels,
          snapshotCost,
        ),
      ],
      checks: {
        ...prefixed(small),
        ...prefixed(large),
        [`${large.label} without snapshots nor history: lowestCheckpoint`]: bare.checks.lowestCheckpoint,
        [`${large.label}: history answers equal to a replay`]: history.checked.large,
        [`${small.label}: history answers equal to a replay`]: history.checked.small,
      },
      breakdown: {
        'catch-up from zero, seconds': {
          [`${large.label} with snapshots and row history`]: seconds(large.catchUpMs),
          [`${large.label} with row history, no snapshots`]: seconds(plain.catchUpMs),
          [`${large.label} without either`]: seconds(bare.catchUpMs),
          [`${small.label} with snapshots and row history`]: seconds(small.catchUpMs),
        },
        'read-model file after a WAL checkpoint, MB': {
          [`${large.label} with row history`]: plain.readModelMb,
          [`${large.label} without`]: bare.readModelMb,
          [`${small.label} with row history`]: small.readModelMb,
        },
        [`question from row history at each fraction of the log, ${large.label}, ms`]: byFraction(
          history.rounds.large,
        ),
        [`question from row history at each fraction of the log, ${small.label}, ms`]: byFraction(
          history.rounds.small,
        ),
        'question from row history, median ms opening the view / running the query': {
          [`${large.label} open`]: round1(median(measured(history.rounds.large.openMs))),
          [`${large.label} query`]: round1(median(measured(history.rounds.large.queryMs))),
          [`${small.label} open`]: round1(median(measured(history.rounds.small.openMs))),
          [`${small.label} query`]: round1(median(measured(history.rounds.small.queryMs))),
        },
        'picking the plan before the timing: its selection query on the history view, median ms': {
          [large.label]: round1(median(measured(history.rounds.large.selectMs))),
          [small.label]: round1(median(measured(history.rounds.small.selectMs))),
        },
        'RSS holding one row-history view, MB': {
          [large.label]: Math.max(...measured(history.rounds.large.rssMb)),
          [small.label]: Math.max(...measured(history.rounds.small.rssMb)),
        },
        'at the middle of the log, events a snapshot replay would apply after the nearest snapshot': {
          [large.label]: behind(large),
          [small.label]: behind(small),
        },
        'snapshots taken during the catch-up': {
          [large.label]: large.snapshotsTaken,
          [small.label]: small.snapshotsTaken,
        },
        'of the catch-up, waiting for the last snapshot after the head, seconds': {
          [large.label]: seconds(large.snapshotMs),
          [small.label]: seconds(small.snapshotMs),
        },
        'one snapshot file, MB': {
          [large.label]: Math.max(...snapshotMb.large),
          [small.label]: Math.max(...snapshotMb.small),
        },
        [`snapshots kept for ${large.label}: position → MB`]: Object.fromEntries(
          kept.map((s) => [String(s.position), megabytesOf(s.file)]),
        ),
        'replayed questions: snapshot they start from': {
          [large.label]: anchors.large,
          [small.label]: anchors.small,
        },
        'events replayed after the snapshot, median': {
          [large.label]: median(measured(offsets)),
          [small.label]: median(measured(offsets)),
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
    dir.remove();
    if (!shared) logs.remove();
  }
}
