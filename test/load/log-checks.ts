import Database from 'better-sqlite3';
import { GENESIS_HASH, hashStoredEvent } from '../../libs/event-store/src/sqlite/event-hash.js';
import { SqliteEventStore, type RecordedEvent } from '../../libs/event-store/src/index.js';
import { eventIdFor } from '../../libs/eventsourcing/src/event-ids.js';
import { ProjectionRunner } from '../../libs/eventsourcing/src/projections/projection-runner.js';
import { checkpointRows, tableRows } from '../../libs/eventsourcing/src/projections/testing/tables.js';
import { allProjections } from '../../libs/read-models/src/index.js';
import type { Acknowledged } from './load-clients.js';

export async function readLog(file: string): Promise<RecordedEvent[]> {
  const store = await SqliteEventStore.open(file);
  try {
    return await store.readAll();
  } finally {
    await store.close();
  }
}

/** Acknowledged commands whose events are not in the log as the reply said. */
export function missingAcknowledged(
  log: readonly RecordedEvent[],
  acknowledged: readonly Acknowledged[],
): string[] {
  const byId = new Map(log.map((event) => [event.id, event]));
  const missing: string[] = [];
  for (const ack of acknowledged) {
    for (const reported of ack.events) {
      const stored = byId.get(reported.id);
      if (
        !stored ||
        stored.position !== reported.position ||
        stored.type !== reported.type ||
        stored.stream !== ack.stream ||
        stored.metadata.commandId !== ack.commandId
      )
        missing.push(`${ack.type} ${ack.commandId}: event ${reported.id} at ${reported.position}`);
    }
  }
  return missing;
}

/**
 * Client commands whose events are in the log more than once or not as the engine names them: a
 * command's n-th event has the id `eventIdFor(commandId, n)`, so a retried command that was
 * written twice would show a second run of ids.
 */
export function doubledCommands(
  log: readonly RecordedEvent[],
  sentByClients: (commandId: string) => boolean,
): string[] {
  const doubled: string[] = [];
  if (new Set(log.map((event) => event.id)).size !== log.length) doubled.push('an event id is stored twice');
  const byCommand = new Map<string, RecordedEvent[]>();
  for (const event of log) {
    // The engine's own writers (process managers, audit checkpoints) name their events otherwise.
    if (!sentByClients(event.metadata.commandId)) continue;
    const events = byCommand.get(event.metadata.commandId) ?? [];
    events.push(event);
    byCommand.set(event.metadata.commandId, events);
  }
  for (const [commandId, events] of byCommand) {
    const expected = events.map((_, n) => eventIdFor(commandId, n));
    if (events.some((event, n) => event.id !== expected[n])) doubled.push(commandId);
  }
  return doubled;
}

/** Positions where the audit hash chain breaks (DESIGN §8), read from the file itself. */
export function chainBreaks(file: string): number[] {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db
      .prepare(
        `SELECT position, stream, revision, type, schema_version AS schemaVersion, data, metadata,
                prev_hash AS prevHash, hash FROM events ORDER BY position`,
      )
      .all() as (Parameters<typeof hashStoredEvent>[1] & { prevHash: string; hash: string })[];
    const breaks: number[] = [];
    let prev = GENESIS_HASH;
    rows.forEach((row, index) => {
      if (row.position !== index + 1 || row.prevHash !== prev || row.hash !== hashStoredEvent(prev, row))
        breaks.push(row.position);
      prev = row.hash;
    });
    return breaks;
  } finally {
    db.close();
  }
}

export interface ReadModelComparison {
  readonly tables: string[];
  readonly live: Record<string, unknown[]>;
  readonly rebuilt: Record<string, unknown[]>;
  readonly liveCheckpoints: unknown[];
  readonly rebuiltCheckpoints: unknown[];
}

/**
 * The engine's read models beside a full rebuild: every projection run from zero over the log
 * into a fresh read-model file, and both dumped table by table.
 */
export async function compareWithRebuild(
  storeFile: string,
  readModelFile: string,
  rebuildFile: string,
): Promise<ReadModelComparison> {
  const store = await SqliteEventStore.open(storeFile);
  const fresh = new Database(rebuildFile);
  const live = new Database(readModelFile, { readonly: true });
  try {
    const runner = new ProjectionRunner(store, fresh, allProjections);
    runner.start();
    const head = (await store.head()).position;
    if (!(await runner.waitFor(head, 60_000))) throw new Error(`the rebuild did not reach ${head}`);
    await runner.stop();
    const tables = (
      fresh
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'projection_checkpoints' ORDER BY name",
        )
        .pluck()
        .all() as string[]
    ).filter((table) => table !== 'sqlite_sequence');
    return {
      tables,
      live: tableRows(live, tables),
      rebuilt: tableRows(fresh, tables),
      liveCheckpoints: checkpointRows(live),
      rebuiltCheckpoints: checkpointRows(fresh),
    };
  } finally {
    live.close();
    fresh.close();
    await store.close();
  }
}
