import type Database from 'better-sqlite3';
import { EventStoreError } from '../errors.js';

/**
 * Migrations in order; `PRAGMA user_version` holds how many have run. Append new ones, never
 * edit a released one: files written by older engines are upgraded in place.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE events (
    position       INTEGER PRIMARY KEY AUTOINCREMENT,
    id             TEXT    NOT NULL UNIQUE,
    stream         TEXT    NOT NULL,
    revision       INTEGER NOT NULL,
    category       TEXT    NOT NULL,
    type           TEXT    NOT NULL,
    schema_version INTEGER NOT NULL,
    data           TEXT    NOT NULL,
    metadata       TEXT    NOT NULL,
    recorded_at    TEXT    NOT NULL,
    -- The audit hash chain is computed inside the write path by a later version.
    prev_hash      TEXT,
    hash           TEXT,
    UNIQUE (stream, revision)
  );
  CREATE INDEX events_type_position ON events (type, position);
  CREATE INDEX events_category_position ON events (category, position);
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export interface ConnectionSettings {
  readonly inMemory: boolean;
  readonly busyTimeoutMs: number;
  readonly synchronous: 'normal' | 'full';
}

export function configureConnection(db: Database.Database, settings: ConnectionSettings): void {
  // Set first: the pragmas below may already need a lock another process holds.
  db.pragma(`busy_timeout = ${settings.busyTimeoutMs}`);
  if (!settings.inMemory) db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${settings.synchronous.toUpperCase()}`);
  db.pragma('foreign_keys = ON');
}

/** Brings the file to the current schema; two processes opening a new file at once are serialised. */
export function migrate(db: Database.Database): void {
  if (userVersion(db) === SCHEMA_VERSION) return;
  db.transaction(() => {
    const current = userVersion(db);
    if (current > SCHEMA_VERSION) {
      throw new EventStoreError(
        `the event store was written by a newer engine (schema ${current}, this engine knows ${SCHEMA_VERSION})`,
      );
    }
    for (const migration of MIGRATIONS.slice(current)) db.exec(migration);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

function userVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}
