import type Database from 'better-sqlite3';
import type { LogFilter } from '../event-store.js';
import { EVENT_COLUMNS, type EventRow } from './event-rows.js';

type Statement<P extends unknown[], R> = Database.Statement<P, R>;

/** Every statement the store runs, prepared once when it opens. */
export interface Statements {
  readonly insert: Statement<[string, string, number, string, string, number, string, string, string], void>;
  readonly findById: Statement<[string], [stream: string, revision: number, position: number]>;
  readonly idsFrom: Statement<[string, number, number], [id: string, position: number]>;
  readonly lastOfStream: Statement<[string], [revision: number, position: number]>;
  readonly head: Statement<[], [position: number, recordedAt: string]>;
  readonly headPosition: Statement<[], [position: number]>;
  readonly streamForwards: Statement<[string, number, number], EventRow>;
  readonly streamBackwards: Statement<[string, number, number], EventRow>;
  /** Reads the log in `(after, upTo]`, filtered, in position order. */
  readonly logRange: (filter: LogFilter | undefined) => Statement<unknown[], EventRow>;
}

export function prepareStatements(db: Database.Database): Statements {
  const raw = <P extends unknown[], R>(sql: string): Statement<P, R> => db.prepare<P, R>(sql).raw(true);
  const range = (condition: string) =>
    raw<unknown[], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events
       WHERE position > ? AND position <= ? ${condition}
       ORDER BY position LIMIT ?`,
    );
  const inList = (column: string) => `AND ${column} IN (SELECT value FROM json_each(?))`;
  const ranges = {
    all: range(''),
    types: range(inList('type')),
    categories: range(inList('category')),
    both: range(`${inList('type')} ${inList('category')}`),
  };
  return {
    insert: db.prepare(
      `INSERT INTO events (id, stream, revision, category, type, schema_version, data, metadata, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
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
    logRange: (filter) => {
      const types = (filter?.eventTypes?.length ?? 0) > 0;
      const categories = (filter?.categories?.length ?? 0) > 0;
      if (types && categories) return ranges.both;
      return types ? ranges.types : categories ? ranges.categories : ranges.all;
    },
  };
}

/** The parameters of `logRange(filter)` in the order its SQL wants them. */
export function logRangeParams(after: number, upTo: number, limit: number, filter?: LogFilter): unknown[] {
  const params: unknown[] = [after, upTo];
  if (filter?.eventTypes?.length) params.push(JSON.stringify(filter.eventTypes));
  if (filter?.categories?.length) params.push(JSON.stringify(filter.categories));
  params.push(limit);
  return params;
}
