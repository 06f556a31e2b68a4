import { performance } from 'node:perf_hooks';
import { planDecider, planStream, type AddActivityToPlan } from '#coordination';
import { SqliteEventStore } from '#event-store';
import { handleCommand, type CommandHandlingDeps } from '#eventsourcing';
import { StateCache } from '#eventsourcing/state-cache.js';
import { compare, trackMemory, type Rounds, type Work } from './harness.js';
import { inFlight } from './in-flight.js';
import { activityData, contextOf, draftPlanData, planIdOf } from './plan-data.js';
import { RawCommandHandler } from './raw-commands.js';
import { assertChecks, figure, type About, type BenchmarkResult, type Figure } from './result.js';
import { tempDir, type TempDir } from './temp-dir.js';

export interface CommandsSizes extends Rounds {
  /** Plans drafted before timing; each command adds one activity to one of them, in turn. */
  readonly plans: number;
  readonly commandsPerRound: number;
  /** Commands in flight in the concurrent variant. */
  readonly concurrency: number;
}

export const commandsAbout: About = {
  name: 'commands',
  title: 'In-process commands',
  measures:
    '`handleCommand` with `planDecider` on a file-backed `SqliteEventStore`: each command (`AddActivityToPlan`) ' +
    'reads its plan stream, folds it, decides and appends one event with the expected revision. The plans are ' +
    'drafted beforehand and the commands go round them, so every stream grows alike, from one event to ' +
    '`eventsPerStreamAtEnd`. The engine as it runs: its state cache (a command reads only the events after the ' +
    'cached revision) and group commit (appends of commands in flight share one transaction). Sequential ' +
    'awaits, then a variant with many commands in flight.',
  baseline:
    'The same read-decide-append by hand with better-sqlite3 on a minimal table (position, stream, revision, ' +
    'type, data, metadata, UNIQUE(stream, revision)), WAL and synchronous=NORMAL: one IMMEDIATE transaction per ' +
    'command reads the rows, JSON.parses them, folds them with the same `evolve`, calls the same `decide` and ' +
    'inserts at the next revision. Same commands, same metadata, same number of events.',
};

/** Engine and baseline, each with its own file and its own cursor over the same command sequence. */
async function variant(dir: TempDir, name: string, sizes: CommandsSizes, concurrency: number) {
  const store = await SqliteEventStore.open(dir.file(`${name}-engine.sqlite`));
  const raw = new RawCommandHandler(dir.file(`${name}-raw.sqlite`));
  const states = new StateCache({ maxStreams: 10_000, maxEvents: 1_000_000 });
  const deps: CommandHandlingDeps = { store, clock: () => new Date(), states };
  const groups = { count: 0, appends: 0, largest: 0 };
  store.onGroupCommit(({ appends }) => {
    groups.count++;
    groups.appends += appends;
    groups.largest = Math.max(groups.largest, appends);
  });
  const addActivity = (i: number) => {
    const planId = planIdOf(i % sizes.plans);
    const data = activityData(planId, Math.floor(i / sizes.plans));
    const command: Omit<AddActivityToPlan, 'metadata'> = { type: 'AddActivityToPlan', data };
    return { stream: planStream(planId), command, context: contextOf(`add-activity-${i}`) };
  };
  for (let p = 0; p < sizes.plans; p++) {
    const draft = { type: 'DraftPlan', data: draftPlanData(p) } as const;
    const context = contextOf(`draft-plan-${p}`);
    await handleCommand(deps, planDecider, planStream(planIdOf(p)), draft, { context });
    raw.handle(planStream(planIdOf(p)), draft, context);
  }
  const n = sizes.commandsPerRound;
  const engine: Work = {
    run: async (round) => {
      await inFlight(n, concurrency, (i) => {
        const { stream, command, context } = addActivity(round * n + i);
        return handleCommand(deps, planDecider, stream, command, { context, retries: 16 });
      });
      return n;
    },
  };
  const baseline: Work = {
    run: async (round) => {
      await inFlight(n, concurrency, async (i) => {
        const { stream, command, context } = addActivity(round * n + i);
        raw.handle(stream, command, context);
      });
      return n;
    },
  };
  const comparison = await compare(engine, baseline, sizes);
  const expected = sizes.plans + (sizes.warmup + sizes.rounds) * n;
  const checks = { engineHeadPosition: (await store.head()).position, baselineRows: raw.table.count() };
  // How the engine got there: group commits (appends per transaction) and state-cache hits.
  const writePath = {
    groupCommits: groups.count,
    appendsPerGroup: Math.round((groups.appends / Math.max(1, groups.count)) * 10) / 10,
    largestGroup: groups.largest,
    stateCacheHits: states.hits,
    stateCacheMisses: states.misses,
  };
  await store.close();
  raw.close();
  assertChecks(`commands ${name}`, checks, { engineHeadPosition: expected, baselineRows: expected });
  if (concurrency > 1 && writePath.largestGroup < 2)
    throw new Error(`commands ${name}: no two appends were ever committed together`);
  return { comparison, checks, writePath };
}

export async function runCommandsBenchmark(sizes: CommandsSizes): Promise<BenchmarkResult> {
  const dir = tempDir('commands');
  const commandsPerVariant = (sizes.warmup + sizes.rounds) * sizes.commandsPerRound;
  const memory = trackMemory();
  const started = performance.now();
  const labels = { engine: 'handleCommand + SqliteEventStore', baseline: 'raw read-decide-append' };
  const figures: Figure[] = [];
  const checks: Record<string, number> = {};
  const breakdown: Record<string, Record<string, number>> = {};
  try {
    for (const concurrency of [1, sizes.concurrency]) {
      const name = concurrency === 1 ? 'sequential' : `${concurrency} in flight`;
      const result = await variant(dir, name.replace(/ /g, '-'), sizes, concurrency);
      figures.push(figure(name, 'commands/s', labels, result.comparison));
      for (const [key, value] of Object.entries(result.checks)) checks[`${name}: ${key}`] = value;
      breakdown[`write path, ${name}`] = result.writePath;
    }
  } finally {
    dir.remove();
  }
  return {
    ...commandsAbout,
    // Streams grow through the run: the fold reads ever more events, on both sides alike.
    sizes: { ...sizes, eventsPerStreamAtEnd: Math.ceil(1 + commandsPerVariant / sizes.plans) },
    figures,
    checks,
    breakdown,
    memory: memory(),
    durationMs: performance.now() - started,
  };
}
