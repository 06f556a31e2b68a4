import type { Database } from 'better-sqlite3';
import { STATES_COLUMN, VISIBILITY_COLUMNS } from '../shared/row-visibility.js';

/** One row per event of the log: who did what, when; the `audit-actors` projection owns it. */
export function createActorTable(db: Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS rm_audit_actor (
      position INTEGER PRIMARY KEY,
      event_id TEXT NOT NULL,
      actor_id TEXT,
      actor_role TEXT,
      actor_state TEXT,
      stream TEXT NOT NULL,
      type TEXT NOT NULL,
      command_id TEXT,
      command_type TEXT,
      correlation_id TEXT,
      occurred_at TEXT,
      recorded_at TEXT,
      visibility TEXT,
      ${STATES_COLUMN}
    ) STRICT;
    CREATE INDEX IF NOT EXISTS rm_audit_actor_actor ON rm_audit_actor (actor_id, position);
    CREATE INDEX IF NOT EXISTS rm_audit_actor_type ON rm_audit_actor (type, position);
    CREATE INDEX IF NOT EXISTS rm_audit_actor_stream ON rm_audit_actor (stream, position);
    CREATE INDEX IF NOT EXISTS rm_audit_actor_recorded ON rm_audit_actor (recorded_at);`);
}

/** One row per event, by correlation id, with its causation: the `audit-correlations` projection owns it. */
export function createCorrelationTable(db: Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS rm_audit_correlation (
      correlation_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      event_id TEXT NOT NULL,
      causation_id TEXT,
      stream TEXT NOT NULL,
      revision INTEGER NOT NULL,
      type TEXT NOT NULL,
      actor_id TEXT,
      actor_role TEXT,
      actor_state TEXT,
      command_id TEXT,
      command_type TEXT,
      occurred_at TEXT,
      recorded_at TEXT,
      ${VISIBILITY_COLUMNS},
      PRIMARY KEY (correlation_id, position)
    ) STRICT;
    CREATE INDEX IF NOT EXISTS rm_audit_correlation_event ON rm_audit_correlation (event_id);
    CREATE INDEX IF NOT EXISTS rm_audit_correlation_cause ON rm_audit_correlation (causation_id, position);`);
}

export function dropActorTable(db: Database): void {
  db.exec('DROP TABLE IF EXISTS rm_audit_actor;');
}

export function dropCorrelationTable(db: Database): void {
  db.exec('DROP TABLE IF EXISTS rm_audit_correlation;');
}
