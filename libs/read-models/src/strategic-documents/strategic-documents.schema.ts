import type { Database } from 'better-sqlite3';
import { STATES_COLUMN } from '../shared/row-visibility.js';

/**
 * The tables of the strategic-document links; `version` in the projection says which. A citer is a
 * decision or a briefing of a meeting's record; a citation links it to a document it cites.
 */
export function createDocumentTables(db: Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS rm_document (
      document_id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      kind TEXT NOT NULL,
      adopted_at TEXT,
      adopted_at_place TEXT,
      source TEXT,
      visibility TEXT NOT NULL,
      occurred_at TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      position INTEGER NOT NULL,
      ${STATES_COLUMN}
    ) STRICT;
    CREATE TABLE IF NOT EXISTS rm_document_meeting (
      meeting_id TEXT PRIMARY KEY,
      number INTEGER,
      title TEXT NOT NULL,
      date TEXT,
      city TEXT
    ) STRICT;
    CREATE TABLE IF NOT EXISTS rm_document_citer (
      meeting_id TEXT NOT NULL,
      citer_kind TEXT NOT NULL,
      citer_id TEXT NOT NULL,
      decision_kind TEXT,
      label TEXT NOT NULL,
      cites TEXT NOT NULL,
      visibility TEXT NOT NULL,
      position INTEGER NOT NULL,
      last_position INTEGER NOT NULL,
      ${STATES_COLUMN},
      PRIMARY KEY (meeting_id, citer_kind, citer_id)
    ) STRICT;
    CREATE TABLE IF NOT EXISTS rm_document_citation (
      document_id TEXT NOT NULL,
      meeting_id TEXT NOT NULL,
      citer_kind TEXT NOT NULL,
      citer_id TEXT NOT NULL,
      PRIMARY KEY (document_id, meeting_id, citer_kind, citer_id)
    ) STRICT;`);
}

export function dropDocumentTables(db: Database): void {
  db.exec(
    `DROP TABLE IF EXISTS rm_document_citation; DROP TABLE IF EXISTS rm_document_citer;
     DROP TABLE IF EXISTS rm_document_meeting; DROP TABLE IF EXISTS rm_document;`,
  );
}
