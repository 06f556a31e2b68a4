import type Database from 'better-sqlite3';
import { EventStoreError } from '../errors.js';
import { GENESIS_HASH, hashStoredEvent } from './event-hash.js';

/** A migration: SQL, or a function for data that SQL cannot compute (it runs in the same transaction). */
type Migration = string | ((db: Database.Database) => void);

/**
 * Migrations in order; `PRAGMA user_version` holds how many have run. Append new ones, never
 * edit a released one: files written by older engines are upgraded in place.
 */
const MIGRATIONS: readonly Migration[] = [
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
  // 2: the audit hash chain (DESIGN §8) over the events written before it was computed.
  fillAuditHashes,
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
    for (const migration of MIGRATIONS.slice(current)) {
      if (typeof migration === 'string') db.exec(migration);
      else migration(db);
    }
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

function userVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Computes `prev_hash` and `hash` of every stored event in global order, as the append does. */
function fillAuditHashes(db: Database.Database): void {
  const rows = db
    .prepare<
      [],
      {
        position: number;
        type: string;
        schemaVersion: number;
        data: string;
        metadata: string;
        stream: string;
        revision: number;
      }
    >(
      `SELECT position, type, schema_version AS schemaVersion, data, metadata, stream, revision
       FROM events ORDER BY position`,
    )
    .iterate();
  const update = db.prepare<[string, string, number]>(
    'UPDATE events SET prev_hash = ?, hash = ? WHERE position = ?',
  );
  const pending: [string, string, number][] = [];
  let prevHash = GENESIS_HASH;
  // An open iterator forbids writes on the connection, so the updates wait until it is done.
  for (const row of rows) {
    const hash = hashStoredEvent(prevHash, row);
    pending.push([prevHash, hash, row.position]);
    prevHash = hash;
  }
  for (const args of pending) update.run(...args);
}
