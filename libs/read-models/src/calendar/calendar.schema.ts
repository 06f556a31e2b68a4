import type { Database } from 'better-sqlite3';
import { STATES_COLUMN } from '../shared/row-visibility.js';

/**
 * The table of the calendar read model, one row per meeting and per activity; `version` in the
 * projection says which shape. Dates are YYYY-MM-DD, both ends inclusive.
 */
export function createCalendarTables(db: Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS rm_calendar_entry (
      entry_type TEXT NOT NULL,
      entry_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      title TEXT NOT NULL,
      start_date TEXT NOT NULL,
      end_date TEXT NOT NULL,
      city TEXT,
      host_state TEXT,
      lead_state TEXT,
      participating_states TEXT NOT NULL,
      status TEXT NOT NULL,
      origin TEXT NOT NULL,
      visibility TEXT NOT NULL,
      sequence INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      last_position INTEGER NOT NULL,
      ${STATES_COLUMN},
      PRIMARY KEY (entry_type, entry_id)
    ) STRICT;
    CREATE INDEX IF NOT EXISTS rm_calendar_entry_dates ON rm_calendar_entry (start_date, end_date);`);
}

export function dropCalendarTables(db: Database): void {
  db.exec('DROP TABLE IF EXISTS rm_calendar_entry;');
}
