import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type Database from 'better-sqlite3';
import type { SqliteEventStore } from '#event-store';
import { AsOfReplayer, type AsOf, type AsOfView, type LiveReadModels, type Snapshots } from '#eventsourcing';
import { allProjections, findPlan, type PlanView } from '#read-models';
import { compare, type Rounds, type Work } from './harness.js';
import { random } from './world-data.js';

/** A log caught up by a live runner: what the "as of" questions ask of. */
export interface AsOfLog {
  readonly label: string;
  readonly store: SqliteEventStore;
  readonly head: number;
  /** The live read-model database the runner wrote (kept open, as the engine keeps it). */
  readonly db: Database.Database;
  readonly snapshots: Snapshots;
  /** The live runner, stopped at the head: its `database` and `waitFor` answer from row history. */
  readonly live: LiveReadModels;
}

const TODAY = '2030-06-30';

/**
 * The plan last touched by then that has activities (a question can fall between a plan's drafting
 * and its first activity, which come in one append); null before the first one.
 */
function lastPlan(db: Database.Database): string | null {
  const planId = db
    .prepare(
      `SELECT plan_id FROM rm_plan WHERE plan_id IN (SELECT plan_id FROM rm_plan_activity)
       ORDER BY last_position DESC LIMIT 1`,
    )
    .pluck()
    .get();
  return planId === undefined ? null : String(planId);
}

/**
 * The question every "as of" figure times once the view is open: `findPlan` on `planId`, checked
 * to have activities and to stand at or before the view's position (or, without a plan, the view
 * to have no plan activity at all).
 */
export function askPlan(
  log: AsOfLog,
  view: AsOfView,
  expected: number,
  planId: string | null,
): PlanView | null {
  const plan = planId === null ? null : findPlan(view.db, planId, TODAY);
  const right =
    view.position === expected &&
    (planId === null
      ? !view.db.prepare('SELECT 1 FROM rm_plan_activity LIMIT 1').get()
      : plan !== null && plan.position <= expected && plan.activities.length > 0);
  if (!right) throw new Error(`as of position ${expected} of ${log.label}: no plan as expected`);
  return plan;
}

/**
 * The plan a question at `position` asks about, picked before the timing from the row history
 * (which `assertHistoryAnswers` checks against replays). The pick scans every version of
 * `rm_plan_activity`, whatever the position: its time goes to `selectMs`, not to the question.
 */
export async function planToAsk(
  log: AsOfLog,
  position: number,
  selectMs: number[] = [],
): Promise<string | null> {
  const replayer = replayerOf(log, 'history');
  try {
    const view = await replayer.open({ kind: 'position', position });
    assertPath(log, view, 'history');
    const started = performance.now();
    const planId = lastPlan(view.db);
    selectMs.push(performance.now() - started);
    return planId;
  } finally {
    await replayer.close();
  }
}

/** A replayer that answers from the live read models' row history, or one that must replay. */
function replayerOf(log: AsOfLog, path: 'history' | 'replay' | 'zero'): AsOfReplayer {
  if (path === 'history')
    return new AsOfReplayer(log.store, allProjections, log.snapshots, { cacheSize: 1, live: log.live });
  return new AsOfReplayer(log.store, allProjections, path === 'replay' ? log.snapshots : null, {
    cacheSize: 1,
  });
}

/** Throws unless the view was read from the live file's row history (or, for a replay, was not). */
export function assertPath(log: AsOfLog, view: AsOfView, path: 'history' | 'replay' | 'zero'): void {
  const fromLive = view.db.name === log.db.name;
  if (fromLive !== (path === 'history')) {
    throw new Error(
      `as of ${view.position} of ${log.label}: expected the ${path} path, read ${view.db.name}`,
    );
  }
}

/**
 * Fractions of the log the history questions ask at, the same at every size: the warm-up rounds
 * at random, then the middle, an early one, and seeded random ones.
 */
export function fractionsOf(warmup: number, rounds: number): number[] {
  const rnd = random(0x4a50f);
  const fixed = [0.5, 0.01];
  return Array.from({ length: warmup + rounds }, (_, round) =>
    round >= warmup && round - warmup < fixed.length ? fixed[round - warmup] : (1 + rnd(998)) / 1000,
  );
}

export const positionAt = (log: AsOfLog, fraction: number): number =>
  Math.max(1, Math.round(fraction * log.head));

/** What one side of the history questions spent, round by round (warm-up included). */
export interface HistoryRounds {
  readonly openMs: number[];
  readonly queryMs: number[];
  readonly rssMb: number[];
  /** Picking the plan (untimed): the selection query on the history view. */
  readonly selectMs: number[];
}

/**
 * One question a round, from row history: a fresh replayer given the live runner (nothing cached)
 * opens `{ kind: 'position' }` at `fractions[round]` of the log, then `findPlan` on the plan last
 * touched by then (picked before the timing).
 */
export function historyQuestionWork(log: AsOfLog, fractions: readonly number[], spent: HistoryRounds): Work {
  let planId: string | null = null;
  return {
    before: async (round) => {
      planId = await planToAsk(log, positionAt(log, fractions[round]), spent.selectMs);
    },
    run: async (round) => {
      const position = positionAt(log, fractions[round]);
      const replayer = replayerOf(log, 'history');
      try {
        const started = performance.now();
        const view = await replayer.open({ kind: 'position', position });
        const opened = performance.now();
        assertPath(log, view, 'history');
        askPlan(log, view, position, planId);
        spent.queryMs.push(performance.now() - opened);
        spent.openMs.push(opened - started);
        spent.rssMb.push(Math.round((process.memoryUsage().rss / 2 ** 20) * 10) / 10);
      } finally {
        await replayer.close();
      }
      return 1;
    },
  };
}

const digest = (rows: Iterable<unknown>) => {
  const hash = createHash('sha256');
  for (const row of rows) hash.update(JSON.stringify(row));
  return hash.digest('hex');
};

/** What a view says: the plan question's answer, the plan tables whole, and a few row counts. */
function answerOf(log: AsOfLog, view: AsOfView, position: number): string {
  const count = (table: string) => view.db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get();
  const planId = lastPlan(view.db);
  return JSON.stringify({
    planId,
    plan: askPlan(log, view, position, planId),
    plans: digest(view.db.prepare('SELECT * FROM rm_plan ORDER BY plan_id').iterate()),
    activities: digest(
      view.db.prepare('SELECT * FROM rm_plan_activity ORDER BY plan_id, activity_id').iterate(),
    ),
    counts: ['rm_decision', 'rm_calendar_entry', 'rm_protocol', 'rm_decision_follow_up'].map(count),
  });
}

async function answerAt(
  log: AsOfLog,
  asOf: AsOf & { kind: 'position' },
  path: 'history' | 'replay' | 'zero',
) {
  const replayer = replayerOf(log, path);
  try {
    const view = await replayer.open(asOf);
    assertPath(log, view, path);
    return answerOf(log, view, asOf.position);
  } finally {
    await replayer.close();
  }
}

/**
 * Proves the history answers right at `checks` (position → the replay to compare with: from its
 * nearest snapshot, or from zero): the same plan answer, plan tables and counts. Returns how many.
 */
export async function assertHistoryAnswers(
  log: AsOfLog,
  checks: ReadonlyMap<number, 'replay' | 'zero'>,
): Promise<number> {
  for (const [position, path] of checks) {
    const asOf = { kind: 'position', position } as const;
    const [history, replayed] = [await answerAt(log, asOf, 'history'), await answerAt(log, asOf, path)];
    if (history !== replayed) {
      throw new Error(`as of ${position} of ${log.label}: the row history differs from a replay (${path})`);
    }
  }
  return checks.size;
}

/** The snapshot each log's replayed questions start from. */
export interface Anchors {
  readonly large: number;
  readonly small: number;
}

/**
 * Questions from row history at the same fractions of both logs, after checking at three
 * positions of each that the history answers as a replay does: 1% of the log (from zero), `offset`
 * after the replayed questions' snapshot and after the snapshot nearest the middle.
 */
export async function historyQuestions(
  questions: Rounds,
  { small, large }: { readonly small: AsOfLog; readonly large: AsOfLog },
  anchors: Anchors,
  offset: number,
) {
  const checks = (log: AsOfLog, anchor: number) => {
    const nearMiddle = log.snapshots.nearest(Math.floor(log.head / 2))?.position ?? 0;
    return new Map<number, 'replay' | 'zero'>([
      [positionAt(log, 0.01), 'zero'],
      [Math.min(log.head, anchor + offset), 'replay'],
      [Math.min(log.head, nearMiddle + offset), 'replay'],
    ]);
  };
  const checked = {
    large: await assertHistoryAnswers(large, checks(large, anchors.large)),
    small: await assertHistoryAnswers(small, checks(small, anchors.small)),
  };
  const fractions = fractionsOf(questions.warmup, questions.rounds);
  const spent = (): HistoryRounds => ({ openMs: [], queryMs: [], rssMb: [], selectMs: [] });
  const rounds = { large: spent(), small: spent() };
  const comparison = await compare(
    historyQuestionWork(large, fractions, rounds.large),
    historyQuestionWork(small, fractions, rounds.small),
    questions,
  );
  return { comparison, fractions, rounds, checked };
}
