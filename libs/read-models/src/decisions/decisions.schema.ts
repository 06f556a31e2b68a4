import type { Database } from 'better-sqlite3';
import { STATES_COLUMN, VISIBILITY_COLUMNS } from '../shared/row-visibility.js';

const TABLES = [
  'rm_decision_timeline',
  'rm_decision_follow_up',
  'rm_decision_activity',
  'rm_decision_amendment',
  'rm_decision_plan',
  'rm_decision_strategic_document',
  'rm_decision_agenda_item',
  'rm_decision_meeting',
  'rm_decision',
];

/**
 * The tables of the decision register; `version` in the projection says which. What a decision
 * produced is kept by the decision it cites, whether or not that decision is known yet.
 */
export function createDecisionTables(db: Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS rm_decision (
      meeting_id TEXT NOT NULL,
      decision_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      text TEXT NOT NULL,
      subject_plan_id TEXT,
      adopting_states TEXT NOT NULL,
      agenda_item_id TEXT,
      documents TEXT NOT NULL,
      cites TEXT NOT NULL,
      corrections TEXT NOT NULL DEFAULT '[]',
      visibility TEXT NOT NULL,
      occurred_at TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      recorded_position INTEGER NOT NULL,
      last_position INTEGER NOT NULL,
      ${STATES_COLUMN},
      PRIMARY KEY (meeting_id, decision_id)
    ) STRICT;
    CREATE INDEX IF NOT EXISTS rm_decision_kind ON rm_decision (kind);
    CREATE TABLE IF NOT EXISTS rm_decision_meeting (
      meeting_id TEXT PRIMARY KEY,
      series_id TEXT,
      number INTEGER,
      title TEXT NOT NULL,
      date TEXT,
      city TEXT,
      host_state TEXT,
      host_institution_id TEXT
    ) STRICT;
    CREATE TABLE IF NOT EXISTS rm_decision_agenda_item (
      meeting_id TEXT NOT NULL,
      item_id TEXT NOT NULL,
      title TEXT NOT NULL,
      PRIMARY KEY (meeting_id, item_id)
    ) STRICT;
    CREATE TABLE IF NOT EXISTS rm_decision_strategic_document (
      document_id TEXT PRIMARY KEY,
      title TEXT NOT NULL
    ) STRICT;
    CREATE TABLE IF NOT EXISTS rm_decision_plan (
      plan_id TEXT PRIMARY KEY,
      year INTEGER,
      title TEXT,
      status TEXT NOT NULL,
      adopted_by_meeting TEXT,
      adopted_by_decision TEXT,
      adopted_on TEXT,
      last_position INTEGER NOT NULL,
      ${VISIBILITY_COLUMNS}
    ) STRICT;
    CREATE INDEX IF NOT EXISTS rm_decision_plan_adopted_by ON rm_decision_plan (adopted_by_meeting, adopted_by_decision);
    CREATE TABLE IF NOT EXISTS rm_decision_amendment (
      plan_id TEXT NOT NULL,
      amendment_id TEXT NOT NULL,
      meeting_id TEXT NOT NULL,
      decision_id TEXT NOT NULL,
      amended_on TEXT,
      added_activity_ids TEXT NOT NULL,
      removed_activity_ids TEXT NOT NULL,
      position INTEGER NOT NULL,
      ${VISIBILITY_COLUMNS},
      PRIMARY KEY (plan_id, amendment_id)
    ) STRICT;
    CREATE INDEX IF NOT EXISTS rm_decision_amendment_by ON rm_decision_amendment (meeting_id, decision_id);
    CREATE TABLE IF NOT EXISTS rm_decision_activity (
      activity_id TEXT PRIMARY KEY,
      meeting_id TEXT NOT NULL,
      decision_id TEXT NOT NULL,
      kind TEXT,
      title TEXT,
      lead_state TEXT,
      planned_start TEXT,
      planned_end TEXT,
      status TEXT NOT NULL,
      progress INTEGER NOT NULL,
      visibility TEXT NOT NULL,
      position INTEGER NOT NULL,
      ${STATES_COLUMN}
    ) STRICT;
    CREATE INDEX IF NOT EXISTS rm_decision_activity_by ON rm_decision_activity (meeting_id, decision_id);
    CREATE TABLE IF NOT EXISTS rm_decision_follow_up (
      follow_up_id TEXT PRIMARY KEY,
      meeting_id TEXT NOT NULL,
      decision_id TEXT NOT NULL,
      assignee TEXT NOT NULL,
      description TEXT,
      due_date TEXT,
      status TEXT NOT NULL,
      reviews TEXT NOT NULL DEFAULT '[]',
      visibility TEXT NOT NULL,
      position INTEGER NOT NULL,
      ${STATES_COLUMN}
    ) STRICT;
    CREATE INDEX IF NOT EXISTS rm_decision_follow_up_by ON rm_decision_follow_up (meeting_id, decision_id);
    CREATE TABLE IF NOT EXISTS rm_decision_timeline (
      meeting_id TEXT NOT NULL,
      decision_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      type TEXT NOT NULL,
      stream TEXT NOT NULL,
      occurred_at TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      ${VISIBILITY_COLUMNS},
      PRIMARY KEY (meeting_id, decision_id, position)
    ) STRICT;
    CREATE INDEX IF NOT EXISTS rm_decision_timeline_position ON rm_decision_timeline (position);`);
}

export function dropDecisionTables(db: Database): void {
  db.exec(TABLES.map((t) => `DROP TABLE IF EXISTS ${t};`).join(' '));
}
