import type { Database } from 'better-sqlite3';
import { STATES_COLUMN, VISIBILITY_COLUMNS } from '../shared/row-visibility.js';

/** The tables of the plan-implementation read model; `version` in the projection says which. */
export function createPlanTables(db: Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS rm_plan (
      plan_id TEXT PRIMARY KEY,
      series_id TEXT NOT NULL,
      year INTEGER NOT NULL,
      title TEXT NOT NULL,
      status TEXT NOT NULL,
      adopted_on TEXT,
      decision TEXT,
      adopting_states TEXT,
      amendments TEXT NOT NULL DEFAULT '[]',
      closed_on TEXT,
      closing_reason TEXT,
      visibility TEXT NOT NULL,
      drafted_at TEXT NOT NULL,
      last_position INTEGER NOT NULL,
      ${STATES_COLUMN}
    ) STRICT;
    CREATE INDEX IF NOT EXISTS rm_plan_series_year ON rm_plan (series_id, year);
    CREATE TABLE IF NOT EXISTS rm_plan_activity (
      plan_id TEXT NOT NULL,
      activity_id TEXT NOT NULL,
      seq INTEGER NOT NULL,
      kind TEXT NOT NULL,
      title TEXT NOT NULL,
      lead_state TEXT NOT NULL,
      lead_institution_id TEXT,
      participating_states TEXT NOT NULL,
      planned_start TEXT,
      planned_end TEXT,
      status TEXT NOT NULL,
      progress INTEGER NOT NULL,
      scheduled_as TEXT,
      actual_start TEXT,
      actual_end TEXT,
      last_position INTEGER NOT NULL,
      ${VISIBILITY_COLUMNS},
      PRIMARY KEY (plan_id, activity_id)
    ) STRICT;
    CREATE TABLE IF NOT EXISTS rm_plan_activity_link (
      activity_id TEXT PRIMARY KEY,
      plan_id TEXT NOT NULL,
      plan_activity_id TEXT NOT NULL
    ) STRICT;`);
}

export function dropPlanTables(db: Database): void {
  db.exec(
    'DROP TABLE IF EXISTS rm_plan_activity_link; DROP TABLE IF EXISTS rm_plan_activity; DROP TABLE IF EXISTS rm_plan;',
  );
}
