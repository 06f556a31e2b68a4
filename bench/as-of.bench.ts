import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '#event-store';
import { AsOfReplayer, ProjectionRunner, Snapshots, type AsOf, type Projection } from '#eventsourcing';
import { allProjections, findPlan } from '#read-models';
import { sizeLabel, type LogSizes } from './full-rebuild.bench.js';
import { compare, median, trackMemory, type Rounds, type Work } from './harness.js';
import { assertChecks, costFigure, peakFigure, type About, type BenchmarkResult } from './result.js';
import { tempDir, type TempDir } from './temp-dir.js';
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
    '`allProjections` into a read-model file (WAL) in one uninterrupted catch-up, a `Snapshots` folder with the ' +
    'engine defaults (at least `every` events apart, and 5% of the position once that is more; the 4 newest ' +
    'kept and older ones thinned to log-spaced positions) taking its snapshots from `onFlushed` while the runner ' +
    'goes on; the same catch-up without snapshots is its baseline. A question is a fresh `AsOfReplayer` ' +
    "(nothing cached) opening `{ kind: 'position' }` a random offset below `every` after a snapshot kept (the " +
    'same offsets at both sizes: as many events replayed after the snapshot), then `findPlan` on the plan last ' +
    'touched by then: open the snapshot in place, replay the events after it in a transaction never committed, ' +
    'query, close. The resident set is read while the view is open. The question by occurred time asks for ' +
    "`{ kind: 'occurred' }` at the latest occurred time a snapshot records (the newest it can start from), beside " +
    'a question at the head by position. A snapshot is one `Snapshots.maybeTake` of the whole caught-up ' +
    'read-model database, until `settle()`.',
  baseline:
    'The same question, or snapshot, on the small log: a ratio near 1 means the cost does not grow with the ' +
    'length of the log. For the catch-up, the same catch-up without snapshots; for the occurred-time question, ' +
    'a question by position at the head.',
};

const TODAY = '2030-06-30';
const WAIT_MS = 60 * 60_000;

/** A log projected as the live engine does it, with its snapshots. */
interface Live {
  readonly label: string;
  readonly store: SqliteEventStore;
  readonly head: number;
  readonly db: Database.Database;
  readonly snapshots: Snapshots;
  readonly catchUpMs: number;
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

/**
 * Catches a log up from zero in one go, as an engine restarting on it does, with the engine's
 * snapshots taken along the way (or none).
 */
async function catchUp(
  logs: WorldLogs,
  events: number,
  every: number,
  dir: TempDir,
  withSnapshots: boolean,
): Promise<Live> {
  const label = sizeLabel(events);
  const { file, log } = await logs.get(events);
  const store = await SqliteEventStore.open(file);
  const head = (await store.head()).position;
  const name = `live-${label}${withSnapshots ? '' : '-plain'}.sqlite`;
  const db = new Database(dir.file(name));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const folder = dir.file(`snapshots-${label}${withSnapshots ? '' : '-none'}`);
  const snapshots = new Snapshots(folder, { every: withSnapshots ? every : 0, store });
  const projectionMs: Record<string, number> = {};
  let failure: unknown;
  const started = performance.now();
  const runner = new ProjectionRunner(store, db, timed(allProjections, projectionMs), {
    // The engine's batches (2,000) at the default sizes; smaller ones on the tiny logs of tests.
    maxBatch: Math.max(1, Math.min(2000, Math.floor(every / 5))),
    onFlushed: (position) => snapshots.maybeTake(db, position),
    onError: (error) => (failure = error),
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
  return {
    label,
    store,
    head,
    db,
    snapshots,
    catchUpMs,
    snapshotMs,
    snapshotsTaken: snapshots.taken,
    projectionMs,
    checks,
  };
}

/** One question a round: a fresh replayer (nothing cached) as of `asOf(round)`, then a plan query. */
function questionWork(live: Live, asOf: (round: number) => AsOf, rssMb: number[] = []): Work {
  return {
    run: async (round) => {
      const question = asOf(round);
      const replayer = new AsOfReplayer(live.store, allProjections, live.snapshots, { cacheSize: 1 });
      try {
        const view = await replayer.open(question);
        // The plan last touched by then that has activities (a question can fall between a plan's
        // drafting and its first activity, which come in one append).
        const planId = view.db
          .prepare(
            `SELECT plan_id FROM rm_plan WHERE plan_id IN (SELECT plan_id FROM rm_plan_activity)
             ORDER BY last_position DESC LIMIT 1`,
          )
          .pluck()
          .get();
        const plan = findPlan(view.db, String(planId), TODAY);
        const expected = question.kind === 'position' ? question.position : live.head;
        if (view.position !== expected || !plan || plan.position > expected || plan.activities.length === 0) {
          throw new Error(`as of ${JSON.stringify(question)} of ${live.label}: no plan as expected`);
        }
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

/**
 * Catches the small and the large log up from zero with the engine's snapshots (and the large one
 * without, as the baseline), then asks "as of" questions and takes snapshots at both sizes, the
 * small one as the baseline.
 */
export async function runAsOfBenchmark(sizes: AsOfSizes, shared?: WorldLogs): Promise<BenchmarkResult> {
  const logs = shared ?? new WorldLogs();
  const dir = tempDir('as-of');
  const memory = trackMemory();
  const started = performance.now();
  const lives: Live[] = [];
  try {
    const small = await catchUp(logs, sizes.log.small, sizes.every, dir, true);
    lives.push(small);
    const large = await catchUp(logs, sizes.log.large, sizes.every, dir, true);
    lives.push(large);
    const plain = await catchUp(logs, sizes.log.large, sizes.every, dir, false);
    lives.push(plain);

    // The same offsets after a snapshot at both sizes: below `every`, and below the room after it.
    const room = Math.min(sizes.every, Math.floor(sizes.log.small / 4));
    const anchors = { large: roomyAnchor(large, room), small: roomyAnchor(small, room) };
    const rnd = random(sizes.log.large);
    const offsets = Array.from(
      { length: sizes.questions.warmup + sizes.questions.rounds },
      () => 1 + rnd(room - 1),
    );
    const viewRss = { large: [] as number[], small: [] as number[] };
    const at =
      (live: Live, anchor: number) =>
      (round: number): AsOf => ({
        kind: 'position',
        position: anchor + offsets[round],
      });
    const questions = await compare(
      questionWork(large, at(large, anchors.large), viewRss.large),
      questionWork(small, at(small, anchors.small), viewRss.small),
      sizes.questions,
    );
    const middle = (live: Live) => Math.floor(live.head / 2);
    const behind = (live: Live) => middle(live) - (live.snapshots.nearest(middle(live))?.position ?? 0);
    const history = await compare(
      questionWork(large, () => ({ kind: 'position', position: middle(large) })),
      questionWork(small, () => ({ kind: 'position', position: middle(small) })),
      { warmup: 0, rounds: 1 },
    );
    // By occurred time: everything that had occurred by the latest occurred time the questions'
    // snapshot records, read from there to the head; beside a question by position from the same one.
    const occurredBy = occurredAt(large, anchors.large);
    const occurred = occurredBy
      ? await compare(
          questionWork(large, () => ({ kind: 'occurred', at: occurredBy })),
          questionWork(large, () => ({ kind: 'position', position: anchors.large + offsets[0] })),
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
    const byProjection = (live: Live) =>
      Object.fromEntries(
        Object.entries(live.projectionMs)
          .sort(([, a], [, b]) => b - a)
          .map(([name, ms]) => [name, Math.round(ms)]),
      );
    const prefixed = (live: Live) =>
      Object.fromEntries(Object.entries(live.checks).map(([key, value]) => [`${live.label}: ${key}`, value]));
    const catchUpFigure = {
      engine: { perSecond: 1000 / large.catchUpMs, samples: [1000 / large.catchUpMs], operationsPerRound: 1 },
      baseline: {
        perSecond: 1000 / plain.catchUpMs,
        samples: [1000 / plain.catchUpMs],
        operationsPerRound: 1,
      },
      ratio: plain.catchUpMs / large.catchUpMs,
      ratioRange: [plain.catchUpMs / large.catchUpMs, plain.catchUpMs / large.catchUpMs] as const,
    };
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
          `question ${room > 1 ? `1-${room - 1}` : '1'} events after a snapshot, ${large.label} vs ${small.label} log`,
          { engine: `${large.label} log`, baseline: `${small.label} log` },
          questions,
        ),
        costFigure(
          `question at the middle of the log, ${large.label} vs ${small.label}`,
          {
            engine: `${large.label}: ${behind(large)} events after a snapshot`,
            baseline: `${small.label}: ${behind(small)} after one`,
          },
          history,
        ),
        ...(occurred && occurredBy
          ? [
              costFigure(
                `question by occurred time, ${large.label} log`,
                {
                  engine: `occurred:${occurredBy}: from ${anchors.large}, reading ${large.head - anchors.large}`,
                  baseline: `by position, ${offsets[0]} after the same snapshot`,
                },
                occurred,
              ),
            ]
          : []),
        costFigure(
          `catch-up from zero with snapshots vs without, ${large.label} log`,
          { engine: 'with the engine snapshots', baseline: 'without snapshots' },
          catchUpFigure,
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
        'catch-up from zero, seconds': {
          [`${large.label} with snapshots`]: seconds(large.catchUpMs),
          [`${large.label} without`]: seconds(plain.catchUpMs),
          [`${small.label} with snapshots`]: seconds(small.catchUpMs),
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
        'questions: snapshot they start from': {
          [large.label]: anchors.large,
          [small.label]: anchors.small,
        },
        'events replayed after the snapshot, median': {
          [large.label]: median(offsets.slice(sizes.questions.warmup)),
          [small.label]: median(offsets.slice(sizes.questions.warmup)),
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
