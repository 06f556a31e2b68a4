import { runAppendBenchmark } from '../../bench/append.bench.js';
import { parseArgs } from '../../bench/cli.js';
import { runCommandsBenchmark } from '../../bench/commands.bench.js';
import { benchmarksMarkdown } from '../../bench/report-docs.js';
import { runRebuildBenchmark } from '../../bench/rebuild.bench.js';
import type { BenchmarkResult } from '../../bench/result.js';
import { describeMachine } from '../../bench/machine.js';

/** Runs every benchmark with tiny sizes so the harness cannot rot. No timing is judged. */
function expectMeasured(result: BenchmarkResult, rounds: number): void {
  expect(result.figures.length).toBeGreaterThan(0);
  for (const figure of result.figures) {
    expect(figure.engine.perSecond).toBeGreaterThan(0);
    expect(figure.baseline.perSecond).toBeGreaterThan(0);
    expect(Number.isFinite(figure.ratio)).toBe(true);
    expect(figure.ratio).toBeGreaterThan(0);
    expect(figure.engine.samples).toHaveLength(rounds);
    expect(figure.baseline.samples).toHaveLength(rounds);
  }
}

describe('benchmarks with tiny sizes', () => {
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
    expect(() => parseArgs(['--only', 'nothing'])).toThrow(/no such benchmark/);
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
      benchmarks: [benchmark],
    });
    expect(markdown).toContain('| Append ceilings | single-event transactions |');
    expect(markdown).toContain('npm run bench');
  });
});
