import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { SqliteEventStore, type EventStore } from '#event-store';
import { ProjectionRunner } from '#eventsourcing';
import { allProjections } from '#read-models';
import {
  compare,
  sampleRss,
  trackMemory,
  type Comparison,
  type Rounds,
  type RssPeak,
  type Work,
} from './harness.js';
import { rawScan } from './raw-scan.js';
import {
  assertChecks,
  figure,
  pairedFigure,
  peakFigure,
  type About,
  type BenchmarkResult,
  type Figure,
} from './result.js';
import { removeDatabase, tempDir, type TempDir } from './temp-dir.js';
import { countRows, expectedRows } from './world-checks.js';
import { WorldLogs, type LogFile } from './world-logs.js';

/** The two generated logs the full-rebuild and as-of benchmarks compare: the small is the baseline. */
export interface LogSizes {
  readonly large: number;
  readonly small: number;
}

export interface FullRebuildSizes {
  readonly log: LogSizes;
  readonly large: Rounds;
  readonly small: Rounds;
}

export const fullRebuildAbout: About = {
  name: 'full-rebuild',
  title: 'Full rebuild',
  measures:
    '`ProjectionRunner` with `allProjections` (plan implementation, participation, audit actors and ' +
    'correlations, decisions, strategic documents, protocols, calendar) rebuilding from position 0 into a fresh ' +
    'read-model file (WAL, synchronous=NORMAL) until `waitFor(head)`, with row provenance, on a generated log of ' +
    'the whole domain: states, institutions (some renamed), strategic documents; a sectoral meeting a cycle with ' +
    'agenda, delegations, decisions (a plan adopted, activities and follow-ups agreed to organise, documents ' +
    'noted and cited), a briefing, corrections; plans with their activities, adopted by the process manager; ' +
    'activities scheduled from the plans and the decisions, then living over the next cycles (postponed, ' +
    'started, progress, completed, cancelled); follow-ups with status and reviews; protocols drafted, ' +
    'signatories designated, signed on the margins of a later meeting, entered into force. The events are the ' +
    "domain's own types, appended through the store's `append` (consecutive commands on one stream in one " +
    'append), written once per size and reused by every round. Read-model row counts are checked against the ' +
    'log after every round. Beside each size: the peak RSS of the rebuild (sampled every 20 ms; the small size ' +
    'runs first) and the rebuild rate over the last tenth of the large log against its first tenth, which ' +
    'stays near 1 when the cost of an event does not grow with the read models.',
  baseline:
    'A raw sequential scan of the same events table with better-sqlite3 `.iterate()` (the columns the store ' +
    "reads), JSON.parse of each row's data and metadata, nothing written: the floor under any rebuild. For the " +
    'memory and the last tenth, the baseline is the small log and the first tenth.',
};

const WAIT_MS = 60 * 60_000;

/** `1,000,000` → `1M`, `100,000` → `100k`, `2,500` → `2,500`. */
export function sizeLabel(events: number): string {
  if (events >= 1_000_000 && events % 100_000 === 0) return `${events / 1_000_000}M`;
  if (events >= 10_000 && events % 1000 === 0) return `${events / 1000}k`;
  return events.toLocaleString('en-US');
}

/** What the rounds of one size measured, besides their throughput. */
interface SizeRun {
  readonly label: string;
  readonly file: LogFile;
  readonly comparison: Comparison;
  readonly rss: RssPeak[];
  readonly tenths: { first: number; last: number }[];
  readonly checks: Record<string, number>;
}

/** Rebuild rates over the first and the last tenth of the log, from the runner's flushes. */
function tenthsOf(
  flushes: readonly (readonly [ms: number, position: number])[],
  head: number,
  endMs: number,
) {
  const first = flushes.find(([, p]) => p >= head / 10) ?? [endMs, head];
  const last = flushes.filter(([, p]) => p <= head * 0.9).at(-1) ?? [0, 0];
  return { first: first[1] / (first[0] / 1000), last: (head - last[1]) / ((endMs - last[0]) / 1000) };
}

/** A rebuild of the whole log by the engine, one fresh read-model file a round. */
function rebuildWork(store: EventStore, head: number, dir: TempDir, run: SizeRun): Work {
  const file = (round: number) => dir.file(`engine-${run.label}-${round}.sqlite`);
  let db: Database.Database;
  let runner: ProjectionRunner;
  let failure: unknown;
  return {
    before: (round) => {
      db = new Database(file(round));
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    },
    run: async () => {
      const flushes: [number, number][] = [];
      const rss = sampleRss();
      const started = performance.now();
      runner = new ProjectionRunner(store, db, allProjections, {
        onFlushed: (position) => flushes.push([performance.now() - started, position]),
        onError: (error) => (failure = error),
      });
      runner.start();
      const reached = await runner.waitFor(head, WAIT_MS);
      const endMs = performance.now() - started;
      run.rss.push(rss.stop());
      if (!reached) throw new Error(`the rebuild of ${run.label} did not reach the head: ${String(failure)}`);
      run.tenths.push(tenthsOf(flushes, head, endMs));
      return head;
    },
    after: async (round) => {
      await runner.stop();
      run.checks.engineCheckpoint = runner.position;
      Object.assign(run.checks, countRows(db));
      db.close();
      removeDatabase(file(round));
    },
  };
}

async function measure(logs: WorldLogs, events: number, rounds: Rounds, dir: TempDir): Promise<SizeRun> {
  const file = await logs.get(events);
  const run: SizeRun = { label: sizeLabel(events), file, comparison: null!, rss: [], tenths: [], checks: {} };
  const store = await SqliteEventStore.open(file.file);
  try {
    const head = (await store.head()).position;
    run.checks.headPosition = head;
    const baseline: Work = { run: () => (run.checks.baselineEvents = rawScan(file.file)) };
    const comparison = await compare(rebuildWork(store, head, dir, run), baseline, rounds);
    assertChecks(`full-rebuild ${run.label}`, run.checks, {
      headPosition: events,
      engineCheckpoint: events,
      baselineEvents: events,
      ...expectedRows(file.log),
    });
    return { ...run, comparison };
  } finally {
    await store.close();
  }
}

/**
 * Rebuilds every read model from the small log, then from the large one, each beside a raw scan
 * of the same log; `logs` may be shared with other benchmarks of the run (it is removed here if not).
 */
export async function runFullRebuildBenchmark(
  sizes: FullRebuildSizes,
  shared?: WorldLogs,
): Promise<BenchmarkResult> {
  const logs = shared ?? new WorldLogs();
  const dir = tempDir('full-rebuild');
  const memory = trackMemory();
  const started = performance.now();
  try {
    const small = await measure(logs, sizes.log.small, sizes.small, dir);
    const large = await measure(logs, sizes.log.large, sizes.large, dir);
    const labels = { engine: 'ProjectionRunner + allProjections', baseline: 'raw iterate + JSON.parse' };
    const figures: Figure[] = [
      figure(`rebuild from zero, ${large.label} events`, 'events/s', labels, large.comparison),
      figure(`rebuild from zero, ${small.label} events`, 'events/s', labels, small.comparison),
      peakFigure(
        `peak RSS while rebuilding, ${large.label} vs ${small.label}`,
        'MB',
        { engine: `rebuild of ${large.label}`, baseline: `rebuild of ${small.label}` },
        { engine: large.rss.map((r) => r.peakMb), baseline: small.rss.map((r) => r.peakMb) },
      ),
      pairedFigure(
        `rebuild rate, last tenth vs first tenth of ${large.label}`,
        'events/s',
        'higher',
        { engine: 'last tenth of the log', baseline: 'first tenth of the log' },
        { engine: large.tenths.map((t) => t.last), baseline: large.tenths.map((t) => t.first) },
      ),
    ];
    const prefixed = (run: SizeRun) =>
      Object.fromEntries(Object.entries(run.checks).map(([key, value]) => [`${run.label}: ${key}`, value]));
    const rss = (pick: (r: RssPeak) => number) => ({
      [large.label]: Math.max(...large.rss.map(pick)),
      [small.label]: Math.max(...small.rss.map(pick)),
    });
    const seconds = (ms: number) => Math.round(ms / 100) / 10;
    return {
      ...fullRebuildAbout,
      sizes: {
        largeEvents: sizes.log.large,
        smallEvents: sizes.log.small,
        largeRounds: sizes.large.rounds,
        smallRounds: sizes.small.rounds,
        largeCycles: large.file.log.cycles,
        largeAppends: large.file.log.appends,
        largeLogMb: large.file.megabytes,
        largeLogWriteSeconds: seconds(large.file.writeMs),
      },
      figures,
      checks: { ...prefixed(small), ...prefixed(large) },
      breakdown: {
        'peak RSS of a rebuild, MB': rss((r) => r.peakMb),
        'RSS when the rebuild started, MB': rss((r) => r.startMb),
        'peak V8 heap used during a rebuild, MB': rss((r) => r.peakHeapUsedMb),
        [`events in the ${large.label} log by type`]: large.file.log.types,
      },
      memory: memory(),
      durationMs: performance.now() - started,
    };
  } finally {
    dir.remove();
    if (!shared) logs.remove();
  }
}
