import { Presets, SingleBar } from 'cli-progress';
import { Command, InvalidArgumentError as UsageError, Option } from 'commander';
import { EsdbEventStore, type EventStore } from '#event-store';
import {
  compareLogs,
  copyLog,
  DEFAULT_BATCH_SIZE,
  describeLocation,
  openStoreAt,
  parseStoreLocation,
  positionsAreOrdinals,
  sameLocation,
  type CompareResult,
  type CopyProgress,
  type CopyResult,
  type StoreLocation,
} from '#event-store/migration/index.js';
import { CliError, EXIT, type Output } from '../support.js';

export interface MigrateOptions {
  readonly from: StoreLocation;
  readonly to: StoreLocation;
  readonly batchSize?: number;
  /** Only compare the two logs (`--check`). */
  readonly checkOnly?: boolean;
  /** Compare after copying (default true; `--no-check`). */
  readonly check?: boolean;
  readonly signal?: AbortSignal;
}

type ChainReport = Awaited<ReturnType<EsdbEventStore['verifyChains']>>;

export interface MigrateReport {
  readonly from: string;
  readonly to: string;
  readonly copy?: CopyResult & { readonly seconds: number; readonly eventsPerSecond: number };
  readonly check?: CompareResult;
  /** With the check: each EventStoreDB side's own audit chains, one per stream (docs/eventstoredb.md). */
  readonly esdbChains?: { readonly source?: ChainReport; readonly target?: ChainReport };
}

/** What `migrate` tells while it works: a bar on a terminal, else a plain line now and then. */
export interface MigrateProgress {
  copied(progress: CopyProgress): void;
  compared(events: number): void;
  stop(): void;
}

/**
 * Copies the whole log from one store to another (resuming an interrupted copy), then compares
 * both event by event; `checkOnly` only compares. A difference is a `CliError` naming the first
 * differing event; the report is returned either way through `onReport`.
 */
export async function migrate(
  options: MigrateOptions,
  progress: MigrateProgress,
  onReport: (report: MigrateReport) => void = () => undefined,
): Promise<MigrateReport> {
  if (sameLocation(options.from, options.to))
    throw new CliError('--from and --to are the same log', EXIT.usage);
  const source = await open(options.from, true);
  let target: EventStore | undefined;
  try {
    target = await open(options.to, options.checkOnly === true);
    const report: { -readonly [K in keyof MigrateReport]: MigrateReport[K] } = {
      from: describeLocation(options.from),
      to: describeLocation(options.to),
    };
    if (!options.checkOnly) {
      const started = performance.now();
      const copy = await copyLog(
        { store: source, positionsAreOrdinals: positionsAreOrdinals(options.from) },
        { store: target, positionsAreOrdinals: positionsAreOrdinals(options.to) },
        {
          batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
          signal: options.signal,
          onProgress: (p) => progress.copied(p),
        },
      );
      const seconds = (performance.now() - started) / 1000;
      report.copy = {
        ...copy,
        seconds,
        eventsPerSecond: Math.round(copy.copiedNow / Math.max(seconds, 1e-3)),
      };
    }
    if (options.checkOnly || options.check !== false) {
      report.check = await compareLogs(source, target, {
        pageSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
        onProgress: (events) => progress.compared(events),
      });
      report.esdbChains = await esdbChains({ source, target });
    }
    progress.stop();
    onReport(report);
    const difference = report.check?.difference;
    if (difference) {
      const where = [
        difference.source && `source position ${difference.source.position}`,
        difference.target && `target position ${difference.target.position}`,
      ]
        .filter(Boolean)
        .join(', ');
      throw new CliError(
        `the logs differ at event ${difference.event} (${difference.field}; ${where}); the ${difference.event - 1} before it are the same`,
      );
    }
    for (const [side, chains] of Object.entries(report.esdbChains ?? {})) {
      const [problem] = chains.problems;
      if (problem) {
        throw new CliError(
          `the audit chain of the ${side} (EventStoreDB) is broken in stream ${problem.stream} at revision ${problem.revision}, position ${problem.position} (${problem.problem})`,
        );
      }
    }
    return report;
  } finally {
    progress.stop();
    await Promise.all([source.close(), target?.close()]);
  }
}

/** Each EventStoreDB side's per-stream audit chains, checked by the adapter's verifier. */
async function esdbChains(
  sides: Record<'source' | 'target', EventStore>,
): Promise<MigrateReport['esdbChains']> {
  const reports: { source?: ChainReport; target?: ChainReport } = {};
  for (const side of ['source', 'target'] as const) {
    const store = sides[side];
    if (store instanceof EsdbEventStore) reports[side] = await store.verifyChains();
  }
  return Object.keys(reports).length > 0 ? reports : undefined;
}

async function open(location: StoreLocation, mustExist: boolean): Promise<EventStore> {
  try {
    return await openStoreAt(location, { mustExist });
  } catch (error) {
    const notFound = location.kind === 'sqlite' && mustExist;
    throw new CliError(
      `cannot open ${describeLocation(location)}: ${(error as Error).message}`,
      notFound ? EXIT.notFound : EXIT.failure,
    );
  }
}

const PLAIN_EVERY_MS = 2_000;

/** A cli-progress bar (events/s, ETA) when `bar`, else a plain line on `err` every 2 s and at the end. */
export function migrateProgress(err: (text: string) => void, bar: boolean): MigrateProgress {
  const started = performance.now();
  const rate = (events: number) => Math.round(events / Math.max((performance.now() - started) / 1000, 1e-3));
  if (bar) {
    const progress = new SingleBar(
      {
        format:
          'migrate [{bar}] {percentage}% | {copied} events | {rate} events/s | {duration_formatted} | eta {eta_formatted}',
        stream: process.stderr,
        hideCursor: true,
        etaBuffer: 20,
      },
      Presets.shades_classic,
    );
    let running = false;
    return {
      copied: (p) => {
        const payload = { copied: p.copied, rate: rate(p.copiedNow) };
        if (!running) progress.start(Math.max(p.sourceHead, p.sourcePosition), p.sourcePosition, payload);
        else progress.update(p.sourcePosition, payload);
        running = true;
      },
      compared: () => undefined,
      stop: () => {
        if (running) progress.stop();
        running = false;
      },
    };
  }
  let last = 0;
  let pending: CopyProgress | undefined;
  const line = (p: CopyProgress) => {
    const share = p.sourceHead > 0 ? Math.min(1, p.sourcePosition / p.sourceHead) : 1;
    const perSecond = rate(p.copiedNow);
    const left = share > 0 && share < 1 ? ((performance.now() - started) / 1000) * ((1 - share) / share) : 0;
    err(
      `migrate: ${p.copied} events copied (${p.copiedNow} now), ${perSecond} events/s, ${Math.floor(share * 100)}% of the source, eta ${Math.ceil(left)} s\n`,
    );
    last = performance.now();
    pending = undefined;
  };
  return {
    copied: (p) => {
      pending = p;
      if (performance.now() - last >= PLAIN_EVERY_MS) line(p);
    },
    compared: (events) => {
      if (pending) line(pending);
      if (performance.now() - last >= PLAIN_EVERY_MS) {
        err(`migrate: ${events} events compared\n`);
        last = performance.now();
      }
    },
    stop: () => {
      if (pending) line(pending);
    },
  };
}

const location = (value: string): StoreLocation => {
  try {
    return parseStoreLocation(value);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
};
const batchSize = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError('must be a whole number of 1 or more');
  return n;
};

/** `kurultai migrate --from <store> --to <store> [--check] [--no-check] [--batch-size n]`. */
export function addMigrateCommand(program: Command, io: Output, bar: () => boolean): Command {
  return program
    .command('migrate')
    .description(
      'copy the whole log between stores (sqlite:<file|data folder>, esdb:<connection string>), resuming an interrupted copy, then compare both event by event',
    )
    .addOption(new Option('--from <store>', 'the source log').argParser(location).makeOptionMandatory())
    .addOption(new Option('--to <store>', 'the target log').argParser(location).makeOptionMandatory())
    .option('--check', 'only compare the two logs, copy nothing')
    .option('--no-check', 'do not compare after copying')
    .addOption(
      new Option('--batch-size <n>', 'events read from the source at a time')
        .argParser(batchSize)
        .default(DEFAULT_BATCH_SIZE),
    )
    .action(async (opts: { from: StoreLocation; to: StoreLocation; check?: boolean; batchSize: number }) => {
      // Both flags set one option: true with --check, false with --no-check, else undefined.
      await migrate(
        {
          from: opts.from,
          to: opts.to,
          batchSize: opts.batchSize,
          checkOnly: opts.check === true,
          check: opts.check,
        },
        migrateProgress(io.err, bar()),
        (report) => io.out(JSON.stringify(report, null, 2) + '\n'),
      );
    });
}
