import type { AppendSizes } from './append.bench.js';
import type { CommandsSizes } from './commands.bench.js';
import type { RebuildSizes } from './rebuild.bench.js';

export interface Sizes {
  readonly commands: CommandsSizes;
  readonly rebuild: RebuildSizes;
  readonly append: AppendSizes;
}

/** The full run: about one to two minutes on two cores. */
export const DEFAULT_SIZES: Sizes = {
  commands: { plans: 200, commandsPerRound: 1000, concurrency: 16, warmup: 1, rounds: 7 },
  rebuild: { events: 100_000, warmup: 1, rounds: 5 },
  append: { transactions: 2000, batches: 100, batchSize: 100, streams: 100, warmup: 1, rounds: 7 },
};

/** `--quick`: a few seconds, so that CI keeps the benchmarks running. */
export const QUICK_SIZES: Sizes = {
  commands: { plans: 32, commandsPerRound: 100, concurrency: 16, warmup: 1, rounds: 3 },
  rebuild: { events: 2000, warmup: 1, rounds: 3 },
  append: { transactions: 200, batches: 10, batchSize: 100, streams: 20, warmup: 1, rounds: 3 },
};
