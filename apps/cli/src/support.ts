import { Presets, SingleBar } from 'cli-progress';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SqliteEventStore } from '#event-store';
import { upcastingStore } from '#eventsourcing';
import { coordinationUpcasters } from '#coordination';

/** Exit codes of `kurultai` (documented in docs/operations.md). */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  /** The engine could not be reached at `--url`, or answered with an error. */
  engine: 3,
  /** Something asked for does not exist: a data folder without a log, a plan. */
  notFound: 4,
  /** `audit verify`: the log (or the export) was tampered with; the message names where and how. */
  tampered: 5,
} as const;

/** An error with its message for the operator and the exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failure,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Where the data lives: `--data-dir`, else `KURULTAI_DATA_DIR`, else `./data`. */
export function dataDirOf(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(option ?? (env.KURULTAI_DATA_DIR || './data'));
}

export const eventsPath = (dataDir: string) => join(dataDir, 'events.sqlite');
export const readModelsPath = (dataDir: string) => join(dataDir, 'read-models.sqlite');

/**
 * Refuses a command that reads the embedded store's file when the engine is configured for
 * EventStoreDB (`KURULTAI_STORE=esdb`): its log is not in the data folder.
 */
export function assertEmbeddedStore(what: string, env: NodeJS.ProcessEnv = process.env): void {
  if (env.KURULTAI_STORE === 'esdb')
    throw new CliError(
      `${what} reads the embedded store (events.sqlite), but KURULTAI_STORE is esdb: ` +
        'use --url with a running engine where the command offers it, or copy the log with kurultai migrate',
      EXIT.usage,
    );
}

/** Opens the log of a data folder, refusing to create one where there is none. */
export async function openExistingStore(dataDir: string): Promise<SqliteEventStore> {
  assertEmbeddedStore('this command');
  const path = eventsPath(dataDir);
  if (!existsSync(path))
    throw new CliError(`there is no event log at ${path} (see --data-dir)`, EXIT.notFound);
  return SqliteEventStore.open(path);
}

/**
 * The log of a data folder as the engine reads it: every event at its type's current schema
 * version (upcast on read; the stored bytes are untouched). For rebuilds, replays and reports;
 * `export` and `audit` read the stored bytes as they are.
 */
export async function openReadingStore(dataDir: string): Promise<SqliteEventStore> {
  return upcastingStore(await openExistingStore(dataDir), coordinationUpcasters);
}

/** Reports progress of long work: a bar on a terminal, nothing otherwise. */
export interface Progress {
  start(total: number, value?: number): void;
  update(value: number): void;
  setTotal(total: number): void;
  stop(): void;
}

export const NO_PROGRESS: Progress = { start() {}, update() {}, setTotal() {}, stop() {} };

/** A cli-progress bar on stderr (stdout stays for data); silent when stderr is not a terminal. */
export function progressBar(label: string, enabled = process.stderr.isTTY === true): Progress {
  if (!enabled) return NO_PROGRESS;
  const bar = new SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} | {duration_formatted} | eta {eta_formatted}`,
      stream: process.stderr,
      hideCursor: true,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
  return {
    start: (total, value = 0) => bar.start(total, value),
    update: (value) => bar.update(value),
    setTotal: (total) => bar.setTotal(total),
    stop: () => bar.stop(),
  };
}

/** Adds `Authorization: Bearer $KURULTAI_TOKEN` when the variable is set and the call has none. */
export function withToken(init: RequestInit, env: NodeJS.ProcessEnv = process.env): RequestInit {
  const token = env.KURULTAI_TOKEN;
  const headers = new Headers(init.headers);
  if (!token || headers.has('authorization')) return init;
  headers.set('authorization', `Bearer ${token}`);
  return { ...init, headers };
}

/** Calls a running engine (as `KURULTAI_TOKEN` when set); a connection failure or an error status becomes a `CliError`. */
export async function callEngine(
  url: string,
  path: string,
  init: RequestInit = {},
): Promise<{ status: number; headers: Headers; text: string }> {
  let response: Response;
  try {
    response = await fetch(new URL(path, url), withToken(init));
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? String(error);
    throw new CliError(`cannot reach the engine at ${url}: ${cause}`, EXIT.engine);
  }
  const text = await response.text();
  if (response.status >= 400) {
    let detail = text;
    try {
      const problem = JSON.parse(text) as { title?: string; detail?: string };
      detail = [problem.title, problem.detail].filter(Boolean).join(': ') || text;
    } catch {
      // not JSON: keep the text
    }
    throw new CliError(
      `the engine answered ${response.status} to ${init.method ?? 'GET'} ${path}: ${detail}`,
      response.status === 404 ? EXIT.notFound : EXIT.engine,
    );
  }
  return { status: response.status, headers: response.headers, text };
}

/** What commands print: stdout for data, stderr for messages. Replaceable in tests. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
}

export const PROCESS_OUTPUT: Output = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};
