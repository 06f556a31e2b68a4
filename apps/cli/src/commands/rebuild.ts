import { existsSync } from 'node:fs';
import {
  carryOverTables,
  closeSelfContained,
  nextPathOf,
  openReadModelDb,
  ProjectionRunner,
  removeDatabaseFiles,
  replaceDatabaseFile,
} from '#eventsourcing';
import { allProjections } from '#read-models';
import {
  callEngine,
  CliError,
  NO_PROGRESS,
  openReadingStore,
  readModelsPath,
  type Progress,
} from '../support.js';

export interface OfflineRebuildResult {
  readonly path: string;
  readonly position: number;
  readonly projections: readonly string[];
  /** Tables kept from the old read models (process-manager checkpoints and refusals). */
  readonly carriedOver: readonly string[];
}

/**
 * Builds every read model from the log into a fresh file beside `read-models.sqlite`, then puts it
 * in its place (atomic rename), keeping the process managers' tables. The engine must be stopped:
 * while it holds the read models open the swap is refused (use `--url` to rebuild blue/green).
 */
export async function rebuildOffline(
  dataDir: string,
  progress: Progress = NO_PROGRESS,
): Promise<OfflineRebuildResult> {
  const store = await openReadingStore(dataDir);
  const path = readModelsPath(dataDir);
  const next = nextPathOf(path);
  removeDatabaseFiles(next);
  const db = openReadModelDb(next);
  let failure: unknown = null;
  const runner = new ProjectionRunner(store, db, allProjections, {
    maxBatch: 1000,
    // As the engine keeps them (KURULTAI_ROW_HISTORY, on unless "off").
    rowHistory: process.env.KURULTAI_ROW_HISTORY !== 'off',
    onError: (e) => (failure = e),
  });
  try {
    const head = (await store.head()).position;
    progress.start(head, 0);
    runner.start();
    while (runner.position < head && failure === null) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      progress.update(runner.position);
    }
    await runner.stop();
    if (failure !== null || runner.error)
      throw new CliError(
        `a projection failed: ${runner.error ?? String(failure)}; the live read models are untouched`,
      );
    progress.update(runner.position);
    progress.stop();
    let carriedOver: string[] = [];
    if (existsSync(path)) {
      const old = openReadModelDb(path);
      try {
        carriedOver = carryOverTables(old, db);
        closeSelfContained(old);
      } catch (error) {
        if (old.open) old.close();
        throw new CliError(
          `cannot take over ${path} (${(error as Error).message}); is the engine running? Stop it, or rebuild through it with --url`,
        );
      }
    }
    closeSelfContained(db);
    replaceDatabaseFile(next, path);
    return { path, position: runner.position, projections: allProjections.map((p) => p.name), carriedOver };
  } catch (error) {
    if (db.open) db.close();
    removeDatabaseFiles(next);
    throw error;
  } finally {
    progress.stop();
    await store.close();
  }
}

export interface RebuildStatus {
  readonly state: string;
  readonly buildPosition?: number;
  readonly headPosition?: number;
  readonly error?: string;
  readonly [key: string]: unknown;
}

/** Asks a running engine for a blue/green rebuild and follows it until it is done or failed. */
export async function rebuildOnline(
  url: string,
  progress: Progress = NO_PROGRESS,
  pollMs = 200,
): Promise<RebuildStatus> {
  await callEngine(url, '/api/operations/rebuild', { method: 'POST' });
  let started = false;
  for (;;) {
    const status = JSON.parse((await callEngine(url, '/api/operations/rebuild')).text) as RebuildStatus;
    if (!started && status.headPosition !== undefined) {
      progress.start(status.headPosition, status.buildPosition ?? 0);
      started = true;
    }
    if (status.headPosition !== undefined) progress.setTotal(status.headPosition);
    if (status.buildPosition !== undefined) progress.update(status.buildPosition);
    if (status.state === 'done' || status.state === 'failed' || status.state === 'idle') {
      progress.stop();
      if (status.state === 'failed')
        throw new CliError(`the rebuild failed: ${status.error ?? 'unknown error'}`);
      return status;
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
