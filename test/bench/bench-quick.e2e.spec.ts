import { SqliteEventStore, type RecordedEvent } from '#event-store';
import { runAppendBenchmark } from '../../bench/append.bench.js';
import { runAsOfBenchmark } from '../../bench/as-of.bench.js';
import { parseArgs } from '../../bench/cli.js';
import { runCommandsBenchmark } from '../../bench/commands.bench.js';
import { runFullRebuildBenchmark } from '../../bench/full-rebuild.bench.js';
import { describeMachine } from '../../bench/machine.js';
import { benchmarksMarkdown } from '../../bench/report-docs.js';
import { runRebuildBenchmark } from '../../bench/rebuild.bench.js';
import { runVerifyBenchmark } from '../../bench/verify.bench.js';
import type { BenchmarkResult } from '../../bench/result.js';
import { writeWorldLog } from '../../bench/world-log.js';
import { WorldLogs } from '../../bench/world-logs.js';

/** Runs every benchmark with tiny sizes so the harness cannot rot. No timing is judged. */
function expectMeasured(result: BenchmarkResult, rounds: number): void {
  expect(result.figures.length).toBeGreaterThan(0);
  for (const figure of result.figures) {
    expect(figure.engine.value).toBeGreaterThan(0);
    expect(figure.baseline.value).toBeGreaterThan(0);
    expect(Number.isFinite(figure.ratio)).toBe(true);
    expect(figure.ratio).toBeGreaterThan(0);
    expect(figure.engine.samples).toHaveLength(rounds);
    expect(figure.baseline.samples).toHaveLength(rounds);
  }
}

const LIFE = [
  'ActivityStarted',
  'ProgressReported',
  'ActivityCompleted',
  'ActivityPostponed',
  'ActivityCancelled',
];

/** The events of a generated log of `total` events, read back from an in-memory store. */
async function generated(total: number): Promise<RecordedEvent[]> {
  const store = await SqliteEventStore.open(':memory:');
  try {
    await writeWorldLog(store, total);
    return await store.readAll();
  } finally {
    await store.close();
  }
}

describe('benchmarks with tiny sizes', () => {
  const logs = new WorldLogs();
  afterAll(() => logs.remove());

  it('handles the commands in the engine and in the baseline', async () => {
    const sizes = { plans: 20, commandsPerRound: 20, concurrency: 4, warmup: 1, rounds: 2 };
    const result = await runCommandsBenchmark(sizes);
    expectMeasured(result, 2);
    expect(result.figures.map((f) => f.name)).toEqual(['sequential', '4 in flight']);
    const expected = 20 + 3 * 20;
    expect(result.checks).toEqual({
      'sequential: engineHeadPosition': expected,
      'sequential: baselineRows': expected,
      '4 in flight: engineHeadPosition': expected,
      '4 in flight: baselineRows': expected,
    });
  });

  it('rebuilds the read models from the log, and so does the raw scan', async () => {
    const result = await runRebuildBenchmark({ events: 300, warmup: 0, rounds: 2 });
    expectMeasured(result, 2);
    const { plans, activities, adopted } = result.sizes;
    expect(plans + activities + adopted).toBe(300);
    expect(result.checks).toEqual({
      headPosition: 300,
      engineCheckpoint: 300,
      enginePlans: plans,
      engineActivities: activities,
      baselinePlans: plans,
      baselineActivities: activities,
    });
  });

  it('generates a consistent log of the whole domain, the same prefix whatever its length', async () => {
    const [short, long] = [await generated(700), await generated(3000)];
    expect(short).toHaveLength(700);
    expect(long).toHaveLength(3000);
    const shape = (e: RecordedEvent) => [e.id, e.stream, e.type, e.data, e.metadata.causationId];
    expect(short.map(shape)).toEqual(long.slice(0, 700).map(shape));
    const scheduled = new Set<string>();
    const ids = new Map(long.map((e) => [e.id, e]));
    for (const event of long) {
      const data = event.data as { activityId?: string };
      if (event.type === 'ActivityScheduled') scheduled.add(String(data.activityId));
      else if (LIFE.includes(event.type)) expect(scheduled).toContain(data.activityId);
      if (event.type === 'PlanAdopted') {
        expect(ids.get(String(event.metadata.causationId))?.type).toBe('DecisionRecorded');
      }
    }
    const types = new Set(long.map((e) => e.type));
    for (const type of ['ActivityCompleted', 'ProtocolSigned', 'FollowUpAssigned', 'DelegationAccredited'])
      expect(types).toContain(type);
    expect(long.map((e) => e.metadata.recordedAt)).toEqual(long.map((e) => e.metadata.recordedAt).sort());
  });

  it('rebuilds every read model from the small and the large log, beside a raw scan', async () => {
    const small = { warmup: 0, rounds: 1 };
    const sizes = { log: { large: 2500, small: 600 }, large: small, small };
    const result = await runFullRebuildBenchmark(sizes, logs);
    expectMeasured(result, 1);
    expect(result.figures.map((f) => f.name)).toEqual([
      'rebuild from zero, 2,500 events',
      'rebuild from zero, 600 events',
      'peak RSS while rebuilding, 2,500 vs 600',
      'rebuild rate, last tenth vs first tenth of 2,500',
    ]);
    for (const [size, events] of [
      ['2,500', 2500],
      ['600', 600],
    ] as const) {
      expect(result.checks[`${size}: headPosition`]).toBe(events);
      expect(result.checks[`${size}: engineCheckpoint`]).toBe(events);
      expect(result.checks[`${size}: lowestCheckpoint`]).toBe(events);
      expect(result.checks[`${size}: baselineEvents`]).toBe(events);
      expect(result.checks[`${size}: auditActors`]).toBe(events);
      expect(result.checks[`${size}: provenanceRows`]).toBeGreaterThan(events);
    }
    for (const table of [
      'plans',
      'planActivities',
      'completedPlanActivities',
      'calendarEntries',
      'decisions',
    ])
      expect(result.checks[`2,500: ${table}`]).toBeGreaterThan(result.checks[`600: ${table}`]);
    for (const table of ['followUps', 'protocols', 'delegations', 'decisionActivities'])
      expect(result.checks[`2,500: ${table}`]).toBeGreaterThan(0);
    const types = result.breakdown!['events in the 2,500 log by type'];
    expect(Object.values(types).reduce((a, b) => a + b, 0)).toBe(2500);
  });

  it('asks "as of" questions and takes snapshots of the small and the large read models', async () => {
    const sizes = {
      log: { large: 2500, small: 500 },
      every: 250,
      questions: { warmup: 0, rounds: 2 },
      snapshots: { warmup: 0, rounds: 1 },
    };
    const result = await runAsOfBenchmark(sizes, logs);
    expect(result.figures.map((f) => f.name)).toEqual([
      'question anywhere in the log, from row history, 2,500 vs 500 log',
      'question 1-124 events after a snapshot, by snapshot replay, 2,500 vs 500 log',
      'question by occurred time, by snapshot replay, 2,500 log',
      'catch-up from zero with snapshots vs without, 2,500 log',
      'catch-up from zero with row history vs without, 2,500 log',
      'read-model file with row history vs without, 2,500 log',
      'RSS holding one replayed "as of" view, 2,500 vs 500 log',
      'one snapshot of the read models, 2,500 vs 500 log',
    ]);
    for (const figure of result.figures) {
      expect(['ms', 'MB']).toContain(figure.unit);
      expect(figure.engine.value).toBeGreaterThan(0);
      expect(figure.baseline.value).toBeGreaterThan(0);
    }
    expect(result.figures[0].engine.samples).toHaveLength(2);
    expect(result.checks['2,500: headPosition']).toBe(2500);
    expect(result.checks['500: headPosition']).toBe(500);
    expect(result.checks['2,500: lowestCheckpoint']).toBe(2500);
    expect(result.checks['2,500: plans']).toBeGreaterThan(0);
    // Snapshots were taken during an uninterrupted catch-up, and thinned
    const taken = result.breakdown!['snapshots taken during the catch-up'];
    expect(taken['2,500']).toBeGreaterThan(2);
    expect(result.checks['2,500: snapshotsKept']).toBeLessThanOrEqual(taken['2,500']);
    const kept = Object.keys(result.breakdown!['snapshots kept for 2,500: position → MB']).map(Number);
    expect(kept.length).toBe(result.checks['2,500: snapshotsKept']);
    // The replayed questions start from a snapshot at both sizes, as many events after it
    const anchors = result.breakdown!['replayed questions: snapshot they start from'];
    expect(anchors['2,500']).toBeGreaterThan(0);
    expect(anchors['500']).toBeGreaterThan(0);
    const replayed = result.breakdown!['events replayed after the snapshot, median'];
    expect(replayed['2,500']).toBe(replayed['500']);
    // Questions from row history at the same fractions of both logs
    const fractions = result.breakdown!['question from row history at each fraction of the log, 2,500, ms'];
    expect(Object.keys(fractions)).toEqual(
      Object.keys(result.breakdown!['question from row history at each fraction of the log, 500, ms']),
    );
    const byProjection = result.breakdown!['catch-up of 2,500 by projection, ms'];
    expect(Object.keys(byProjection)).toEqual(expect.arrayContaining(['participation', 'calendar']));
  });

  it('verifies the generated log with signed checkpoints beside a raw scan, and sizes its proofs', async () => {
    const result = await runVerifyBenchmark(
      { events: 2500, checkpointEvery: 100, rounds: { warmup: 0, rounds: 2 } },
      logs,
    );
    expectMeasured(result, 2);
    expect(result.checks).toMatchObject({
      eventsVerified: 2525,
      checkpointsVerified: 25,
      signedSize: 2500,
      proofHashesOverBound: 0,
    });
    expect(result.checks.proofsChecked).toBeGreaterThan(20);
    const inclusion = result.breakdown!['inclusion proof of 2,500-log leaves, hashes'];
    // RFC 9162 edge cases: a tree of one leaf needs no hash, of two one; ⌈log2 n⌉ at most.
    expect(inclusion['leaf 0 of 1 (⌈log2⌉ 0)']).toBe(0);
    expect(inclusion['leaf 1 of 2 (⌈log2⌉ 1)']).toBe(1);
    expect(inclusion['leaf 0 of 2048 (⌈log2⌉ 11)']).toBe(11);
    expect(inclusion['leaf 0 of 2049 (⌈log2⌉ 12)']).toBe(12);
  });

  it('appends single events and batches through the store and the raw table', async () => {
    const sizes = { transactions: 20, batches: 3, batchSize: 10, streams: 5, warmup: 0, rounds: 2 };
    const result = await runAppendBenchmark(sizes);
    expectMeasured(result, 2);
    expect(result.checks).toEqual({
      'single: engineHeadPosition': 40,
      'single: baselineRows': 40,
      'batched: engineHeadPosition': 60,
      'batched: baselineRows': 60,
    });
  });

  it('reads its flags and writes the documentation from a report', async () => {
    const options = parseArgs(['--quick', '--events', '500', '--only', 'rebuild,append']);
    expect(options).toMatchObject({
      quick: true,
      only: ['rebuild', 'append'],
      sizes: { rebuild: { events: 500 } },
    });
    const big = parseArgs(['--log-events', '1000000', '--only', 'full-rebuild', '--only', 'as-of']);
    expect(big.only).toEqual(['full-rebuild', 'as-of']);
    expect(big.sizes.fullRebuild.log).toEqual({ large: 1_000_000, small: 100_000 });
    expect(big.sizes.asOf.log).toEqual({ large: 1_000_000, small: 100_000 });
    expect(big.sizes.verify.events).toBe(1_000_000);
    expect(() => parseArgs(['--only', 'nothing'])).toThrow(/no such benchmark/);
    expect(() => parseArgs(['--log-events', '0'])).toThrow(/positive integer/);
    const benchmark = await runAppendBenchmark({
      transactions: 2,
      batches: 1,
      batchSize: 2,
      streams: 1,
      warmup: 0,
      rounds: 1,
    });
    const markdown = benchmarksMarkdown({
      mode: 'full',
      args: [],
      machine: describeMachine('3.x'),
      benchmarks: [
        benchmark,
        {
          ...benchmark,
          name: 'as-of',
          sizes: { largeEvents: 10, smallEvents: 1, every: 1 },
          breakdown: {
            'catch-up of 10 by projection, ms': { a: 10, b: 30 },
            'catch-up of 1 by projection, ms': { a: 1, b: 1 },
          },
        },
      ],
    });
    expect(markdown).toMatch(/\| Append ceilings +\| single-event transactions +\|/);
    expect(markdown).toContain('npm run bench');
    expect(markdown).toContain('  - catch-up of 10 by projection, ms: a 10, b 30');
    expect(markdown).toContain(
      '- catch-up of 10 by projection, ms: b 75%, a 25% of the time. Per event, the large catch-up ' +
        'against the small one: a 1.00×, b 3.00×.',
    );
  });
});
