import { DEFAULT_SIZES, QUICK_SIZES, type Sizes } from './sizes.js';

export const BENCHMARK_NAMES = ['commands', 'rebuild', 'append'] as const;
export type BenchmarkName = (typeof BENCHMARK_NAMES)[number];

export interface CliOptions {
  readonly quick: boolean;
  readonly only: readonly BenchmarkName[];
  readonly sizes: Sizes;
}

export const USAGE = `usage: node dist/bench/run.js [--quick] [--events N] [--only ${BENCHMARK_NAMES.join('|')}]...
  --quick     small sizes (a few seconds); writes bench/results/quick.json, leaves docs/benchmarks.md alone
  --events N  events in the log of the rebuild benchmark
  --only X    run only benchmark X (repeatable, or comma-separated)`;

export function parseArgs(args: readonly string[]): CliOptions {
  let quick = false;
  let events: number | undefined;
  const only: BenchmarkName[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--quick') quick = true;
    else if (arg === '--events') events = positiveInteger(args[++i], '--events');
    else if (arg === '--only') only.push(...names(args[++i]));
    else throw new Error(`unknown argument ${arg}\n${USAGE}`);
  }
  const base = quick ? QUICK_SIZES : DEFAULT_SIZES;
  const sizes = events === undefined ? base : { ...base, rebuild: { ...base.rebuild, events } };
  return { quick, only: only.length > 0 ? only : [...BENCHMARK_NAMES], sizes };
}

function positiveInteger(value: string | undefined, flag: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${flag} needs a positive integer\n${USAGE}`);
  return n;
}

function names(value: string | undefined): BenchmarkName[] {
  return (value ?? '').split(',').map((name) => {
    if (!(BENCHMARK_NAMES as readonly string[]).includes(name)) {
      throw new Error(`--only ${name}: no such benchmark\n${USAGE}`);
    }
    return name as BenchmarkName;
  });
}
