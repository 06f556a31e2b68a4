import { mkdirSync, writeFileSync } from 'node:fs';
import { register } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { runAppendBenchmark } from './append.bench.js';
import { runAsOfBenchmark } from './as-of.bench.js';
import { BENCHMARK_NAMES, parseArgs, type BenchmarkName, type CliOptions } from './cli.js';
import { runCommandsBenchmark } from './commands.bench.js';
import { runHttpBenchmark } from './http.bench.js';
import { runEsdbBenchmark } from './esdb.bench.js';
import { FIGURE_HEADERS, figureRows, NUMERIC, textTable } from './format.js';
import { runFullRebuildBenchmark } from './full-rebuild.bench.js';
import { describeMachine } from './machine.js';
import { runRebuildBenchmark } from './rebuild.bench.js';
import { runSseFanoutBenchmark } from './sse-fanout.bench.js';
import { runVerifyBenchmark } from './verify.bench.js';
import { benchmarksMarkdown } from './report-docs.js';
import type { BenchmarkResult, RunReport } from './result.js';
import { WorldLogs } from './world-logs.js';

// The EventStoreDB benchmark's protocol double needs it under Node's own ES modules (see the hook).
register('./esdb-generated-hooks.js', import.meta.url);

/** Compiled to dist/bench/run.js: the repository is two folders up. */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Each benchmark, with the generated logs the run shares (each size written once). */
const BENCHMARKS: Record<BenchmarkName, (options: CliOptions, logs: WorldLogs) => Promise<BenchmarkResult>> =
  {
    commands: ({ sizes }) => runCommandsBenchmark(sizes.commands),
    rebuild: ({ sizes }) => runRebuildBenchmark(sizes.rebuild),
    'full-rebuild': ({ sizes }, logs) => runFullRebuildBenchmark(sizes.fullRebuild, logs),
    'as-of': ({ sizes }, logs) => runAsOfBenchmark(sizes.asOf, logs),
    append: ({ sizes }) => runAppendBenchmark(sizes.append),
    http: ({ sizes }) => runHttpBenchmark(sizes.http),
    esdb: ({ sizes }) => runEsdbBenchmark(sizes.esdb),
    'sse-fanout': ({ sizes }) => runSseFanoutBenchmark(sizes.sseFanout),
    verify: ({ sizes }, logs) => runVerifyBenchmark(sizes.verify, logs),
  };

function sqliteVersion(): string {
  const db = new Database(':memory:');
  try {
    return db.prepare('SELECT sqlite_version()').pluck().get() as string;
  } finally {
    db.close();
  }
}

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  console.log(`wrote ${path}`);
}

async function main(args: readonly string[]): Promise<void> {
  const options = parseArgs(args);
  const machine = describeMachine(sqliteVersion());
  console.log(`${machine.cpuCount} × ${machine.cpuModel}, Node ${machine.node}, SQLite ${machine.sqlite}`);
  const benchmarks: BenchmarkResult[] = [];
  const logs = new WorldLogs();
  const json = join(ROOT, 'bench', 'results', options.quick ? 'quick.json' : 'latest.json');
  const mode = options.quick ? 'quick' : 'full';
  try {
    for (const name of options.only) {
      process.stdout.write(`${name}… `);
      const result = await BENCHMARKS[name](options, logs);
      console.log(`${(result.durationMs / 1000).toFixed(1)} s`);
      benchmarks.push(result);
    }
  } catch (error) {
    // What finished is kept: a benchmark of minutes is not thrown away for the failure of the next.
    const failure = error instanceof Error ? error.message : String(error);
    const report: RunReport = { mode, args, machine, benchmarks, failure };
    write(json, `${JSON.stringify(report, null, 2)}\n`);
    throw error;
  } finally {
    logs.remove();
  }
  console.log(`\n${textTable(FIGURE_HEADERS, figureRows(benchmarks), NUMERIC)}\n`);
  const report: RunReport = { mode, args, machine, benchmarks };
  write(json, `${JSON.stringify(report, null, 2)}\n`);
  // The documentation shows a full run of every benchmark, never a quick or partial one.
  if (options.quick) return;
  if (options.only.length < BENCHMARK_NAMES.length)
    console.log('docs/benchmarks.md left alone: not every benchmark ran');
  else write(join(ROOT, 'docs', 'benchmarks.md'), benchmarksMarkdown(report));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
