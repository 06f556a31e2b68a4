import { performance } from 'node:perf_hooks';

/** One side of a comparison: the engine or its baseline. */
export interface Work {
  /** Untimed preparation before each round (fresh files, pre-built inputs). */
  readonly before?: (round: number) => unknown;
  /** The timed work of one round; returns how many operations it did. */
  readonly run: (round: number) => number | Promise<number>;
  /** Untimed clean-up after each round. */
  readonly after?: (round: number) => unknown;
}

export interface Rounds {
  /** Rounds run and thrown away before measuring (JIT, caches, file growth). */
  readonly warmup: number;
  readonly rounds: number;
}

/** Operations per second of one side: the median of its rounds, and every round. */
export interface Throughput {
  readonly perSecond: number;
  readonly samples: readonly number[];
  readonly operationsPerRound: number;
}

export interface Comparison {
  readonly engine: Throughput;
  readonly baseline: Throughput;
  /** Median of the per-round ratios engine/baseline (each pair ran back to back). */
  readonly ratio: number;
  /** The lowest and highest per-round ratio: how much the machine's noise moved it. */
  readonly ratioRange: readonly [number, number];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Runs one round of `work` and returns its operations per second. */
async function timeRound(work: Work, round: number): Promise<{ rate: number; operations: number }> {
  await work.before?.(round);
  const start = performance.now();
  const operations = await work.run(round);
  const seconds = (performance.now() - start) / 1000;
  await work.after?.(round);
  memory.sample();
  return { rate: operations / seconds, operations };
}

/**
 * Alternates engine and baseline rounds, swapping which goes first every round (ABBA), so that
 * drift and noise of the machine hit both sides alike. Never judges the figures.
 */
export async function compare(engine: Work, baseline: Work, { warmup, rounds }: Rounds): Promise<Comparison> {
  const rates = { engine: [] as number[], baseline: [] as number[] };
  const operations = { engine: 0, baseline: 0 };
  for (let round = 0; round < warmup + rounds; round++) {
    const order = round % 2 === 0 ? (['engine', 'baseline'] as const) : (['baseline', 'engine'] as const);
    for (const side of order) {
      const { rate, operations: done } = await timeRound(side === 'engine' ? engine : baseline, round);
      if (round < warmup) continue;
      rates[side].push(rate);
      operations[side] = done;
    }
  }
  const ratios = rates.engine.map((rate, i) => rate / rates.baseline[i]);
  const throughput = (side: 'engine' | 'baseline'): Throughput => ({
    perSecond: median(rates[side]),
    samples: rates[side],
    operationsPerRound: operations[side],
  });
  return {
    engine: throughput('engine'),
    baseline: throughput('baseline'),
    ratio: median(ratios),
    ratioRange: [Math.min(...ratios), Math.max(...ratios)],
  };
}

/** Peak resident set and heap, sampled after every round. */
export interface MemoryPeak {
  readonly peakRssMb: number;
  readonly peakHeapUsedMb: number;
}

const memory = {
  rss: 0,
  heapUsed: 0,
  sample(): void {
    const { rss, heapUsed } = process.memoryUsage();
    this.rss = Math.max(this.rss, rss);
    this.heapUsed = Math.max(this.heapUsed, heapUsed);
  },
};

/** Starts a new peak-memory window (one per benchmark) and returns a function that closes it. */
export function trackMemory(): () => MemoryPeak {
  memory.rss = 0;
  memory.heapUsed = 0;
  memory.sample();
  return () => {
    memory.sample();
    const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
    return { peakRssMb: mb(memory.rss), peakHeapUsedMb: mb(memory.heapUsed) };
  };
}

/** Peak resident set (and V8 heap) of one run, in MB, and where the run started from. */
export interface RssPeak {
  readonly startMb: number;
  readonly peakMb: number;
  readonly peakHeapUsedMb: number;
}

const toMb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

/**
 * Samples `process.memoryUsage()` on an interval while asynchronous work runs (it must yield to
 * the event loop, as the projection runner does between batches), and once more at the end.
 */
export function sampleRss(intervalMs = 20): { stop(): RssPeak; sample(): void } {
  const start = process.memoryUsage().rss;
  let rss = start;
  let heapUsed = 0;
  const sample = () => {
    const usage = process.memoryUsage();
    rss = Math.max(rss, usage.rss);
    heapUsed = Math.max(heapUsed, usage.heapUsed);
  };
  const timer = setInterval(sample, intervalMs);
  return {
    sample,
    stop() {
      clearInterval(timer);
      sample();
      memory.sample();
      return { startMb: toMb(start), peakMb: toMb(rss), peakHeapUsedMb: toMb(heapUsed) };
    },
  };
}
