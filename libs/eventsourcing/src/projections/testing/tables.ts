import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '#event-store';
import type { Projection } from '../projection.js';

/** The tables of the real plan-implementation read model. */
export const PLAN_TABLES = ['rm_plan', 'rm_plan_activity'] as const;

export type TableRows = Record<string, unknown[]>;

/** Every row of each table, in a stable order (all columns), to compare two read-model files. */
export function tableRows(db: Database, tables: readonly string[]): TableRows {
  const rows: TableRows = {};
  for (const table of tables) {
    const columns = db.pragma(`table_info(${table})`) as { name: string }[];
    if (columns.length === 0) throw new Error(`no table ${table}`);
    const order = columns.map((column) => `"${column.name}"`).join(', ');
    rows[table] = db.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).all();
  }
  return rows;
}

export interface CheckpointRow {
  readonly name: string;
  readonly version: number;
  readonly position: number;
}

export function checkpointRows(db: Database): CheckpointRow[] {
  return db
    .prepare<[], CheckpointRow>('SELECT name, version, position FROM projection_checkpoints ORDER BY name')
    .all();
}

/**
 * Runs projections over events in one transaction without the runner: the "as of" replay,
 * to know what the read models must hold at a given position.
 */
export function replay(
  db: Database,
  projections: readonly Projection[],
  events: readonly RecordedEvent[],
): void {
  db.transaction(() => {
    for (const projection of projections) {
      projection.reset(db);
      projection.setup(db);
      for (const event of events) {
        if (projection.eventTypes && !projection.eventTypes.includes(event.type)) continue;
        projection.apply(db, event);
      }
    }
  })();
}
