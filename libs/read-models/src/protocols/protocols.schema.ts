import type { Database } from 'better-sqlite3';
import { STATES_COLUMN } from '../shared/row-visibility.js';

/**
 * The tables of the protocols read model; `version` in the projection says which. A party keeps
 * its own signature: parties are frozen after the first signature and each signs once.
 */
export function createProtocolTables(db: Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS rm_protocol (
      protocol_id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      title_en TEXT NOT NULL,
      margins_meeting_id TEXT,
      status TEXT NOT NULL,
      signed_on TEXT,
      entered_into_force_on TEXT,
      terminated_on TEXT,
      termination_reason TEXT,
      visibility TEXT NOT NULL,
      drafted_at TEXT NOT NULL,
      last_position INTEGER NOT NULL,
      ${STATES_COLUMN}
    ) STRICT;
    CREATE INDEX IF NOT EXISTS rm_protocol_margins ON rm_protocol (margins_meeting_id);
    CREATE TABLE IF NOT EXISTS rm_protocol_party (
      protocol_id TEXT NOT NULL,
      institution_id TEXT NOT NULL,
      seq INTEGER NOT NULL,
      state TEXT,
      joined_on TEXT NOT NULL,
      signatory TEXT,
      signed_on TEXT,
      place TEXT,
      signed_as TEXT,
      signed_by TEXT,
      signature_position INTEGER,
      PRIMARY KEY (protocol_id, institution_id)
    ) STRICT;
    CREATE INDEX IF NOT EXISTS rm_protocol_party_state ON rm_protocol_party (state, protocol_id);
    CREATE INDEX IF NOT EXISTS rm_protocol_party_institution ON rm_protocol_party (institution_id);
    CREATE TABLE IF NOT EXISTS rm_protocol_institution_name (
      institution_id TEXT NOT NULL,
      valid_from TEXT NOT NULL,
      valid_to TEXT,
      name TEXT NOT NULL,
      PRIMARY KEY (institution_id, valid_from)
    ) STRICT;`);
}

export function dropProtocolTables(db: Database): void {
  db.exec(
    `DROP TABLE IF EXISTS rm_protocol_institution_name; DROP TABLE IF EXISTS rm_protocol_party;
     DROP TABLE IF EXISTS rm_protocol;`,
  );
}
