import type { Comparison, MemoryPeak, Throughput } from './harness.js';
import type { Machine } from './machine.js';

/** What one side of a figure is, in words, with its measured throughput. */
export interface Side extends Throughput {
  readonly label: string;
}

/** One measured figure: the engine beside its baseline, measured in the same run. */
export interface Figure {
  readonly name: string;
  readonly unit: string;
  readonly engine: Side;
  readonly baseline: Side;
  /** engine/baseline: below 1 the engine is slower than the baseline. */
  readonly ratio: number;
  /** Lowest and highest per-round ratio. */
  readonly ratioRange: readonly [number, number];
}

export interface BenchmarkResult extends About {
  readonly sizes: Readonly<Record<string, number>>;
  readonly figures: readonly Figure[];
  /** Counts read back after the run, proving both sides did the work they were timed for. */
  readonly checks: Readonly<Record<string, number>>;
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

export function figure(
  name: string,
  unit: string,
  labels: { readonly engine: string; readonly baseline: string },
  comparison: Comparison,
): Figure {
  return {
    name,
    unit,
    engine: { label: labels.engine, ...comparison.engine },
    baseline: { label: labels.baseline, ...comparison.baseline },
    ratio: comparison.ratio,
    ratioRange: comparison.ratioRange,
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
}
