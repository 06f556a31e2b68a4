import type { Database } from 'better-sqlite3';
import { STATES_COLUMN } from '../shared/row-visibility.js';

const TABLES = [
  'rm_participation_state',
  'rm_participation_state_touch',
  'rm_participation_meeting',
  'rm_participation_delegation',
  'rm_participation_decision',
  'rm_participation_decision_state',
  'rm_participation_activity',
  'rm_participation_activity_state',
  'rm_participation_protocol',
  'rm_participation_signature',
];

/**
 * The tables of the participation read model; `version` in the projection says which. Facts are
 * kept as the events tell them and joined when read, so that an "as of occurred" replay, which
 * skips events that had not happened yet, never needs a row that is not there.
 */
export function createParticipationTables(db: Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS rm_participation_state (
      code TEXT PRIMARY KEY,
      name TEXT,
      membership TEXT,
      since TEXT,
      memberships TEXT NOT NULL DEFAULT '[]',
      visibility TEXT
    ) STRICT;
    -- The last position that touched each state: nearly every event touches some state, so it is kept
    -- apart from the state's wider row, which then changes (and keeps a version) only when it does.
    CREATE TABLE IF NOT EXISTS rm_participation_state_touch (
      code TEXT PRIMARY KEY,
      last_position INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE IF NOT EXISTS rm_participation_meeting (
      meeting_id TEXT PRIMARY KEY,
      series_id TEXT,
      number INTEGER,
      title TEXT,
      host_state TEXT,
      host_institution_id TEXT,
      city TEXT,
      date TEXT,
      visibility TEXT NOT NULL,
      position INTEGER NOT NULL,
      ${STATES_COLUMN}
    ) STRICT;
    CREATE INDEX IF NOT EXISTS rm_participation_meeting_host ON rm_participation_meeting (host_state, date);
    CREATE TABLE IF NOT EXISTS rm_participation_delegation (
      state TEXT NOT NULL,
      meeting_id TEXT NOT NULL,
      level TEXT,
      head_of_delegation TEXT,
      membership TEXT,
      visibility TEXT NOT NULL,
      position INTEGER NOT NULL,
      ${STATES_COLUMN},
      PRIMARY KEY (state, meeting_id)
    ) STRICT;
    CREATE TABLE IF NOT EXISTS rm_participation_decision (
      meeting_id TEXT NOT NULL,
      decision_id TEXT NOT NULL,
      kind TEXT,
      text TEXT,
      adopting_states TEXT NOT NULL,
      visibility TEXT NOT NULL,
      position INTEGER NOT NULL,
      ${STATES_COLUMN},
      PRIMARY KEY (meeting_id, decision_id)
    ) STRICT;
    CREATE TABLE IF NOT EXISTS rm_participation_decision_state (
      state TEXT NOT NULL,
      meeting_id TEXT NOT NULL,
      decision_id TEXT NOT NULL,
      PRIMARY KEY (state, meeting_id, decision_id)
    ) STRICT;
    CREATE TABLE IF NOT EXISTS rm_participation_activity (
      activity_id TEXT PRIMARY KEY,
      kind TEXT,
      title TEXT,
      lead_state TEXT,
      lead_institution_id TEXT,
      participating_states TEXT NOT NULL,
      planned_start TEXT,
      planned_end TEXT,
      city TEXT,
      host_state TEXT,
      origin TEXT NOT NULL,
      status TEXT NOT NULL,
      progress INTEGER NOT NULL,
      visibility TEXT NOT NULL,
      last_position INTEGER NOT NULL,
      ${STATES_COLUMN}
    ) STRICT;
    CREATE TABLE IF NOT EXISTS rm_participation_activity_state (
      state TEXT NOT NULL,
      activity_id TEXT NOT NULL,
      lead INTEGER NOT NULL,
      PRIMARY KEY (state, activity_id)
    ) STRICT;
    CREATE INDEX IF NOT EXISTS rm_participation_activity_state_activity
      ON rm_participation_activity_state (activity_id);
    CREATE TABLE IF NOT EXISTS rm_participation_protocol (
      protocol_id TEXT PRIMARY KEY,
      title TEXT,
      status TEXT NOT NULL,
      signed_on TEXT,
      visibility TEXT NOT NULL,
      last_position INTEGER NOT NULL,
      ${STATES_COLUMN}
    ) STRICT;
    CREATE TABLE IF NOT EXISTS rm_participation_signature (
      protocol_id TEXT NOT NULL,
      institution_id TEXT NOT NULL,
      state TEXT NOT NULL,
      institution_name TEXT,
      signatory TEXT,
      signed_on TEXT,
      place TEXT,
      visibility TEXT NOT NULL,
      position INTEGER NOT NULL,
      ${STATES_COLUMN},
      PRIMARY KEY (protocol_id, institution_id)
    ) STRICT;
    CREATE INDEX IF NOT EXISTS rm_participation_signature_state ON rm_participation_signature (state);`);
}

export function dropParticipationTables(db: Database): void {
  db.exec(TABLES.map((t) => `DROP TABLE IF EXISTS ${t};`).join(' '));
}
