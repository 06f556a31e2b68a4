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
 * Wraps a projection so that every row an internal event touches becomes internal and concerns
 * the states that event concerns (`statesOf`), besides those it concerned (docs/visibility.md): a
 * row is internal once any event that shaped it was, and a focal point of a state an internal
 * event named sees it. Public events change neither. The rows are found by their
 * position column, which the projection sets to the event's position whenever it touches a row;
 * the wrapper indexes that column. Live projection, rebuilds and "as of" replays all run it.
 */
export function withRowVisibility(projection: Projection, tables: readonly ItemTable[]): Projection {
  const merged = (table: string) =>
    `(SELECT json_group_array(value) FROM (SELECT value FROM json_each(${table}.states)
      UNION SELECT value FROM json_each(@states) ORDER BY 1))`;
  // Only the rows that change are written: internal for public, or a state they do not hold yet.
  const gains = (table: string) =>
    `EXISTS (SELECT 1 FROM json_each(@states) n WHERE n.value NOT IN (SELECT value FROM json_each(${table}.states)))`;
  const statements = statementsFor((db: Database) => ({
    // Which tables hold a row the event touched: one call instead of one per table.
    touched: db
      .prepare<{ position: number }, number>(
        tables
          .map(({ table, touchedAt }, i) => `SELECT ${i} FROM ${table} WHERE ${touchedAt} = @position`)
          .join(' UNION '),
      )
      .pluck(),
    tables: tables.map(({ table, touchedAt }) => ({
      both: db.prepare(
        `UPDATE ${table} SET visibility = 'internal', states = ${merged(table)}
         WHERE ${touchedAt} = @position AND (visibility <> 'internal' OR ${gains(table)})`,
      ),
      statesOnly: db.prepare(
        `UPDATE ${table} SET states = ${merged(table)} WHERE ${touchedAt} = @position AND ${gains(table)}`,
      ),
    })),
  }));
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
      // A public event leaves the rows as they are: public ones stay public, internal ones stay
      // internal and concern the states the internal events named.
      if (params.visibility === 'public') return;
      const s = statements(db);
      for (const i of s.touched.all({ position: params.position })) {
        if (tables[i].ignores?.includes(event.type))
          s.tables[i].statesOnly.run({ states: params.states, position: params.position });
        else s.tables[i].both.run(params);
      }
    },
  };
}

interface EventVisibility {
  readonly visibility: 'public' | 'internal';
  /** JSON array of the state codes, sorted. */
  readonly states: string;
  readonly position: number;
}

// Every projection of a batch gets the same event object: its states are found once.
const seen = new WeakMap<RecordedEvent, EventVisibility>();

/** What one event contributes to the rows it touches. */
export function visibilityOf(event: RecordedEvent): EventVisibility {
  let found = seen.get(event);
  if (!found) {
    found = {
      visibility: event.metadata.visibility === 'public' ? 'public' : 'internal',
      states: JSON.stringify([...statesOf(event)].sort()),
      position: event.position,
    };
    seen.set(event, found);
  }
  return found;
}
