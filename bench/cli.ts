import { DEFAULT_SIZES, logSizes, QUICK_SIZES, type Sizes } from './sizes.js';

export const BENCHMARK_NAMES = [
  'commands',
  'rebuild',
  'full-rebuild',
  'as-of',
  'append',
  'http',
  'esdb',
  'verify',
  'sse-fanout',
] as const;
export type BenchmarkName = (typeof BENCHMARK_NAMES)[number];

export interface CliOptions {
  readonly quick: boolean;
  readonly only: readonly BenchmarkName[];
  readonly sizes: Sizes;
}

export const USAGE = `usage: node dist/bench/run.js [--quick] [--events N] [--log-events N] [--only ${BENCHMARK_NAMES.join('|')}]...
  --quick         small sizes (a few seconds); writes bench/results/quick.json, leaves docs/benchmarks.md alone
  --events N      events in the log of the rebuild benchmark
  --log-events N  events in the large generated log of full-rebuild and as-of (the small one: a tenth)
  --only X        run only benchmark X (repeatable, or comma-separated)`;

export function parseArgs(args: readonly string[]): CliOptions {
  let quick = false;
  let events: number | undefined;
  let logEvents: number | undefined;
  const only: BenchmarkName[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--quick') quick = true;
    else if (arg === '--events') events = positiveInteger(args[++i], '--events');
    else if (arg === '--log-events') logEvents = positiveInteger(args[++i], '--log-events');
    else if (arg === '--only') only.push(...names(args[++i]));
    else throw new Error(`unknown argument ${arg}\n${USAGE}`);
  }
  let sizes = quick ? QUICK_SIZES : DEFAULT_SIZES;
  if (events !== undefined) sizes = { ...sizes, rebuild: { ...sizes.rebuild, events } };
  if (logEvents !== undefined) {
    const log = logSizes(logEvents);
    sizes = {
      ...sizes,
      fullRebuild: { ...sizes.fullRebuild, log },
      asOf: { ...sizes.asOf, log },
      verify: { ...sizes.verify, events: log.large },
    };
  }
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
