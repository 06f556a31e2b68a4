import type { Database, Statement } from 'better-sqlite3';
import type { RecordedEvent } from '#event-store';
import type { Projection } from './projection.js';
import { setRowPosition } from './history/row-history.js';
import { statementsFor } from './statements.js';

/**
 * Which events produced which read-model rows ("why does this activity show as postponed?"):
 * for projections that name the rows an event touches (`rowsOf`), every (row, position) pair is
 * kept beside the rows, in the same transaction, and rebuilt with them.
 */
export function setupProvenance(db: Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS projection_provenance (
    projection TEXT NOT NULL,
    row_key TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (projection, row_key, position)
  ) STRICT, WITHOUT ROWID`);
}

const statements = statementsFor((db: Database) => ({
  add: db.prepare('INSERT OR IGNORE INTO projection_provenance VALUES (?, ?, ?)') as Statement<
    [string, string, number]
  >,
  forget: db.prepare('DELETE FROM projection_provenance WHERE projection = ?') as Statement<[string]>,
}));

/** Apart from the writes: an "as of" view reads provenance through a view it cannot write. */
const reads = statementsFor((db: Database) => ({
  of: db.prepare(
    'SELECT position FROM projection_provenance WHERE projection = ? AND row_key = ? ORDER BY position',
  ) as Statement<[string, string], { position: number }>,
}));

/** Applies an event to a projection and records the rows it touched. */
export function applyEvent(db: Database, projection: Projection, event: RecordedEvent): void {
  setRowPosition(db, event.position);
  projection.apply(db, event);
  const rows = projection.rowsOf?.(event, db);
  if (!rows || rows.length === 0) return;
  const s = statements(db);
  for (const row of rows) s.add.run(projection.name, row, event.position);
}

/** Forgets a projection's provenance (before it is rebuilt). */
export function resetProvenance(db: Database, projection: string): void {
  setupProvenance(db);
  statements(db).forget.run(projection);
}

/** The positions of the events that produced a row, oldest first. */
export function provenanceOf(db: Database, projection: string, rowKey: string): number[] {
  setupProvenance(db);
  return reads(db)
    .of.all(projection, rowKey)
    .map((r) => r.position);
}
