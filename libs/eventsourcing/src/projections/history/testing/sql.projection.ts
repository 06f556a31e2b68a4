import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '#event-store';
import type { Projection } from '../../projection.js';

/** One statement an event asks the projection to run, with its parameters. */
export interface SqlStep {
  readonly sql: string;
  readonly params?: readonly unknown[];
}

/** The event type an `SqlProjection` applies; its data is `{ steps: SqlStep[] }`. */
export const SQL_EVENT = 'SqlWritten';

export interface SqlProjection extends Projection {
  /** The tables it owns, for comparisons. */
  readonly tables: readonly string[];
}

/**
 * A projection whose events carry the statements it runs: a test can write any shape of table in
 * any way SQLite allows (REPLACE, UPSERT, key changes…) and compare the row history with a rebuild
 * that runs the very same statements. `schema` creates the tables (`IF NOT EXISTS`), `tables` are
 * dropped by `reset`.
 */
export function sqlProjection(
  name: string,
  schema: string,
  tables: readonly string[],
  ledgers?: Readonly<Record<string, string>>,
): SqlProjection {
  return {
    name,
    version: 1,
    ...(ledgers ? { ledgers } : {}),
    eventTypes: [SQL_EVENT],
    tables,
    setup(db: Database): void {
      db.exec(schema);
    },
    reset(db: Database): void {
      for (const table of tables) db.exec(`DROP TABLE IF EXISTS "${table}"`);
    },
    apply(db: Database, event: RecordedEvent): void {
      for (const step of stepsOf(event)) db.prepare(step.sql).run(...(step.params ?? []));
    },
  };
}

function stepsOf(event: RecordedEvent): readonly SqlStep[] {
  return (event.data as { steps: readonly SqlStep[] }).steps;
}
