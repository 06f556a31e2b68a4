import type Database from 'better-sqlite3';
import { EVENT_COLUMNS, type EventRow } from './event-rows.js';

type Statement<P extends unknown[], R> = Database.Statement<P, R>;

/** Every statement the store runs, prepared once when it opens. */
export interface Statements {
  readonly insert: Statement<
    [number, string, string, number, string, string, number, string, string, string, string, string],
    void
  >;
  /** The last event of the global log: its position and audit hash (the chain's tip). */
  readonly tip: Statement<[], [position: number, hash: string | null]>;
  readonly findById: Statement<[string], [stream: string, revision: number, position: number]>;
  readonly idsFrom: Statement<[string, number, number], [id: string, position: number]>;
  readonly lastOfStream: Statement<[string], [revision: number, position: number]>;
  readonly head: Statement<[], [position: number, recordedAt: string]>;
  readonly headPosition: Statement<[], [position: number]>;
  readonly streamForwards: Statement<[string, number, number], EventRow>;
  readonly streamBackwards: Statement<[string, number, number], EventRow>;
}

export function prepareStatements(db: Database.Database): Statements {
  const raw = <P extends unknown[], R>(sql: string): Statement<P, R> => db.prepare<P, R>(sql).raw(true);
  return {
    insert: db.prepare(
      `INSERT INTO events (position, id, stream, revision, category, type, schema_version, data, metadata,
                           recorded_at, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    tip: raw('SELECT position, hash FROM events ORDER BY position DESC LIMIT 1'),
    findById: raw('SELECT stream, revision, position FROM events WHERE id = ?'),
    idsFrom: raw(
      'SELECT id, position FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?',
    ),
    lastOfStream: raw(
      'SELECT revision, position FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1',
    ),
    head: raw('SELECT position, recorded_at FROM events ORDER BY position DESC LIMIT 1'),
    headPosition: raw('SELECT position FROM events ORDER BY position DESC LIMIT 1'),
    streamForwards: raw(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?`,
    ),
    streamBackwards: raw(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
    ),
  };
}
