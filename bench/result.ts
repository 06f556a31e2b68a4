import { median, type Comparison, type MemoryPeak, type Throughput } from './harness.js';
import type { Machine } from './machine.js';

/** What one side of a figure is, in words, with what was measured of it. */
export interface Side {
  readonly label: string;
  /** In the figure's unit: the median of the rounds (a peak for memory). */
  readonly value: number;
  /** Every round's value, in the figure's unit. */
  readonly samples: readonly number[];
  readonly operationsPerRound: number;
}

/** One measured figure: the engine beside its baseline, measured in the same run. */
export interface Figure {
  readonly name: string;
  readonly unit: string;
  /** `higher` for throughputs; `lower` for times and memory, where a ratio above 1 costs more. */
  readonly better: 'higher' | 'lower';
  readonly engine: Side;
  readonly baseline: Side;
  /** engine/baseline in the figure's unit (median of the per-round ratios). */
  readonly ratio: number;
  /** Lowest and highest per-round ratio. */
  readonly ratioRange: readonly [number, number];
}

export interface BenchmarkResult extends About {
  readonly sizes: Readonly<Record<string, number>>;
  readonly figures: readonly Figure[];
  /** Counts read back after the run, proving both sides did the work they were timed for. */
  readonly checks: Readonly<Record<string, number>>;
  /** Where the time went, by part (e.g. milliseconds per projection), when the benchmark says. */
  readonly breakdown?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly memory: MemoryPeak;
  readonly durationMs: number;
}

/** A benchmark's description for the documentation. */
export interface About {
  readonly name: string;
  readonly title: string;
  readonly measures: string;
  readonly baseline: string;
}

export interface Labels {
  readonly engine: string;
  readonly baseline: string;
}

const side = (label: string, { perSecond, samples, operationsPerRound }: Throughput): Side => ({
  label,
  value: perSecond,
  samples,
  operationsPerRound,
});

/** A throughput figure (operations per second): below 1 the engine is slower than the baseline. */
export function figure(name: string, unit: string, labels: Labels, comparison: Comparison): Figure {
  return {
    name,
    unit,
    better: 'higher',
    engine: side(labels.engine, comparison.engine),
    baseline: side(labels.baseline, comparison.baseline),
    ratio: comparison.ratio,
    ratioRange: comparison.ratioRange,
  };
}

/**
 * The same comparison as milliseconds per operation (a question, a snapshot): above 1 the engine
 * side costs more. Each round's time is the inverse of its rate, so rounds stay paired.
 */
export function costFigure(name: string, labels: Labels, comparison: Comparison): Figure {
  const ms = (t: Throughput): Side => {
    const samples = t.samples.map((rate) => 1000 / rate);
    return { label: '', value: median(samples), samples, operationsPerRound: t.operationsPerRound };
  };
  const engine = ms(comparison.engine);
  const baseline = ms(comparison.baseline);
  const ratios = engine.samples.map((value, i) => value / baseline.samples[i]);
  return {
    name,
    unit: 'ms',
    better: 'lower',
    engine: { ...engine, label: labels.engine },
    baseline: { ...baseline, label: labels.baseline },
    ratio: median(ratios),
    ratioRange: [Math.min(...ratios), Math.max(...ratios)],
  };
}

/** A figure of values measured outside `compare`, round by round: medians and per-round ratios. */
export function pairedFigure(
  name: string,
  unit: string,
  better: Figure['better'],
  labels: Labels,
  samples: { readonly engine: readonly number[]; readonly baseline: readonly number[] },
): Figure {
  const ratios = samples.engine.map((value, i) => value / samples.baseline[i]);
  const of = (label: string, values: readonly number[]): Side => ({
    label,
    value: median(values),
    samples: values,
    operationsPerRound: 1,
  });
  return {
    name,
    unit,
    better,
    engine: of(labels.engine, samples.engine),
    baseline: of(labels.baseline, samples.baseline),
    ratio: median(ratios),
    ratioRange: [Math.min(...ratios), Math.max(...ratios)],
  };
}

/**
 * A figure of values measured outside `compare` (peak memory): the highest sample of each side,
 * rounds paired in order.
 */
export function peakFigure(
  name: string,
  unit: string,
  labels: Labels,
  samples: { readonly engine: readonly number[]; readonly baseline: readonly number[] },
): Figure {
  const peak = (values: readonly number[]) => Math.max(...values);
  const ratio = peak(samples.engine) / peak(samples.baseline);
  return {
    name,
    unit,
    better: 'lower',
    engine: {
      label: labels.engine,
      value: peak(samples.engine),
      samples: samples.engine,
      operationsPerRound: 1,
    },
    baseline: {
      label: labels.baseline,
      value: peak(samples.baseline),
      samples: samples.baseline,
      operationsPerRound: 1,
    },
    ratio,
    ratioRange: [ratio, ratio],
  };
}

/** Throws when a check read back after the run differs from what both sides should have written. */
export function assertChecks(name: string, actual: Record<string, number>, expected: Record<string, number>) {
  for (const [key, value] of Object.entries(expected)) {
    if (actual[key] !== value) {
      throw new Error(`${name}: ${key} is ${actual[key]} after the run, expected ${value}`);
    }
  }
}

/** Everything one run writes to `bench/results/*.json`. */
export interface RunReport {
  readonly mode: 'full' | 'quick';
  readonly args: readonly string[];
  readonly machine: Machine;
  readonly benchmarks: readonly BenchmarkResult[];
  /** Why the run stopped early, when a benchmark failed (the ones before it are kept). */
  readonly failure?: string;
}
