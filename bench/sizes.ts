import type { AppendSizes } from './append.bench.js';
import type { AsOfSizes } from './as-of.bench.js';
import type { CommandsSizes } from './commands.bench.js';
import type { EsdbSizes } from './esdb.bench.js';
import type { FullRebuildSizes, LogSizes } from './full-rebuild.bench.js';
import type { HttpSizes } from './http.bench.js';
import type { RebuildSizes } from './rebuild.bench.js';
import type { SseFanoutSizes } from './sse-fanout.bench.js';
import type { VerifySizes } from './verify.bench.js';

export interface Sizes {
  readonly commands: CommandsSizes;
  readonly rebuild: RebuildSizes;
  readonly fullRebuild: FullRebuildSizes;
  readonly asOf: AsOfSizes;
  readonly append: AppendSizes;
  readonly http: HttpSizes;
  readonly esdb: EsdbSizes;
  readonly sseFanout: SseFanoutSizes;
  readonly verify: VerifySizes;
}

/** The generated logs of the full-rebuild and as-of benchmarks: a million events beside a tenth of them. */
export const DEFAULT_LOG: LogSizes = { large: 1_000_000, small: 100_000 };

/** The log sizes `--log-events N` asks for: N and a tenth of N. */
export const logSizes = (large: number): LogSizes => ({ large, small: Math.max(1, Math.round(large / 10)) });

/**
 * The full run: about fifteen minutes on two cores, most of it the million-event log (written once,
 * rebuilt, then caught up with a snapshot every 10,000 events).
 */
export const DEFAULT_SIZES: Sizes = {
  sseFanout: { subscribers: 100, rate: 200, seconds: 5, warmup: 1, rounds: 3 },
  commands: { plans: 200, commandsPerRound: 1000, concurrency: 16, warmup: 1, rounds: 7 },
  rebuild: { events: 100_000, warmup: 1, rounds: 5 },
  fullRebuild: { log: DEFAULT_LOG, large: { warmup: 0, rounds: 1 }, small: { warmup: 1, rounds: 3 } },
  asOf: {
    log: DEFAULT_LOG,
    every: 10_000,
    questions: { warmup: 1, rounds: 5 },
    snapshots: { warmup: 1, rounds: 3 },
  },
  append: { transactions: 2000, batches: 100, batchSize: 100, streams: 100, warmup: 1, rounds: 7 },
  http: { activities: 200, draftPlans: 50, seconds: 5, connections: [1, 16, 64], warmup: 1, rounds: 3 },
  esdb: {
    appends: 300,
    batches: 20,
    batchSize: 100,
    streams: 20,
    readEvents: 10_000,
    pageSize: 500,
    warmup: 1,
    rounds: 5,
  },
  verify: { events: DEFAULT_LOG.large, checkpointEvery: 1000, rounds: { warmup: 0, rounds: 3 } },
};

const QUICK_LOG: LogSizes = { large: 5000, small: 1000 };

/** `--quick`: a few seconds, so that CI keeps the benchmarks running. */
export const QUICK_SIZES: Sizes = {
  sseFanout: { subscribers: 10, rate: 50, seconds: 1, warmup: 0, rounds: 1 },
  commands: { plans: 32, commandsPerRound: 100, concurrency: 16, warmup: 1, rounds: 3 },
  rebuild: { events: 2000, warmup: 1, rounds: 3 },
  fullRebuild: { log: QUICK_LOG, large: { warmup: 0, rounds: 1 }, small: { warmup: 1, rounds: 2 } },
  asOf: {
    log: QUICK_LOG,
    every: 1000,
    questions: { warmup: 1, rounds: 3 },
    snapshots: { warmup: 0, rounds: 2 },
  },
  append: { transactions: 200, batches: 10, batchSize: 100, streams: 20, warmup: 1, rounds: 3 },
  http: { activities: 16, draftPlans: 4, seconds: 1, connections: [1, 16, 64], warmup: 0, rounds: 1 },
  esdb: {
    appends: 20,
    batches: 3,
    batchSize: 20,
    streams: 5,
    readEvents: 300,
    pageSize: 100,
    warmup: 0,
    rounds: 2,
  },
  verify: { events: QUICK_LOG.large, checkpointEvery: 100, rounds: { warmup: 0, rounds: 2 } },
};
