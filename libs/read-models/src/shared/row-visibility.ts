import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '#event-store';
import { statementsFor, statesOf, type Projection } from '#eventsourcing';

/**
 * A table of items a query shows: besides its own columns it has `visibility` ('public' or
 * 'internal') and `states` (a JSON array of state codes), and a column that holds the position
 * of the last event that touched the row (`last_position`, or `position` for rows one event writes).
 */
export interface ItemTable {
  readonly table: string;
  readonly touchedAt: 'last_position' | 'position';
  /**
   * Event types whose visibility does not flow into this table's rows, only their states: they
   * touch a row without shaping what it shows of them (a plan's row notes that an activity was
   * added, and concerns its lead state; the activity's own row carries that event's visibility).
   */
  readonly ignores?: readonly string[];
}

/** The two columns an item table declares last, after its own. */
export const VISIBILITY_COLUMNS = `visibility TEXT NOT NULL DEFAULT 'public', states TEXT NOT NULL DEFAULT '[]'`;
/** Only the states column, for tables that already had a visibility column. */
export const STATES_COLUMN = `states TEXT NOT NULL DEFAULT '[]'`;

/**
 * Wraps a projection so that every row an event touches takes that event's visibility and states
 * in (docs/security.md, "Visibility"): a row is internal once any event that shaped it was, and
 * concerns every state any of those events concerns (`statesOf`). The rows are found by their
 * position column, which the projection sets to the event's position whenever it touches a row;
 * the wrapper indexes that column. Live projection, rebuilds and "as of" replays all run it.
 */
export function withRowVisibility(projection: Projection, tables: readonly ItemTable[]): Projection {
  const merged = (
    table: string,
  ) => `(SELECT json_group_array(value) FROM (SELECT value FROM json_each(${table}.states)
    UNION SELECT value FROM json_each(@states) ORDER BY 1))`;
  const statements = statementsFor((db: Database) =>
    tables.map(({ table, touchedAt }) => ({
      both: db.prepare(
        `UPDATE ${table} SET
           visibility = CASE WHEN @visibility = 'public' AND visibility = 'public' THEN 'public' ELSE 'internal' END,
           states = ${merged(table)}
         WHERE ${touchedAt} = @position`,
      ),
      statesOnly: db.prepare(`UPDATE ${table} SET states = ${merged(table)} WHERE ${touchedAt} = @position`),
    })),
  );
  return {
    ...projection,
    setup(db) {
      projection.setup(db);
      for (const { table, touchedAt } of tables)
        db.exec(`CREATE INDEX IF NOT EXISTS ${table}_touched_at ON ${table} (${touchedAt})`);
    },
    reset(db) {
      statements.forget(db);
      projection.reset(db);
    },
    apply(db, event) {
      projection.apply(db, event);
      const params = visibilityOf(event);
      statements(db).forEach(({ both, statesOnly }, i) => {
        if (tables[i].ignores?.includes(event.type))
          statesOnly.run({ states: params.states, position: params.position });
        else both.run(params);
      });
    },
  };
}

/** What one event contributes to the rows it touches. */
export function visibilityOf(event: RecordedEvent): { visibility: string; states: string; position: number } {
  return {
    visibility: event.metadata.visibility === 'public' ? 'public' : 'internal',
    states: JSON.stringify([...statesOf(event)].sort()),
    position: event.position,
  };
}
