import type Database from 'better-sqlite3';
import type { LogFilter } from '../event-store.js';
import { EVENT_COLUMNS, type EventRow } from './event-rows.js';

/** Beyond this many filter values one scan of the log beats one index seek per value. */
const MAX_SEEKS = 64;

type Params = Record<string, string | number>;

/**
 * Reads the log in `(after, upTo]`, filtered, in position order, `limit` rows at most.
 * A filter value is one ordered seek in the type or category index, and the seeks are merged
 * (UNION ALL ... ORDER BY position): `IN (...)` on the index would sort every match after
 * `after` for each page, which makes paging through a long log quadratic.
 * Statements are prepared once per shape of filter (how many values of which kind).
 */
export class LogRangeQuery {
  private readonly statements = new Map<string, Database.Statement<[Params], EventRow>>();

  constructor(private readonly db: Database.Database) {}

  rows(after: number, upTo: number, limit: number, filter: LogFilter | undefined): EventRow[] {
    const types = distinct(filter?.eventTypes);
    const categories = distinct(filter?.categories);
    const params: Params = { after, upTo, limit };
    if (types.length === 0 && categories.length === 0) {
      return this.statement('all', () => scan([])).all(params);
    }

    const [column, values, other] =
      types.length > 0 ? (['type', types, categories] as const) : (['category', categories, []] as const);
    if (other.length > 0) params.other = JSON.stringify(other);
    if (values.length > MAX_SEEKS) {
      params.values = JSON.stringify(values);
      const key = `scan:${column}:${other.length > 0}`;
      return this.statement(key, () =>
        scan([inList(column, 'values'), other.length > 0 && inList('category', 'other')]),
      ).all(params);
    }
    values.forEach((value, index) => (params[`v${index}`] = value));
    const key = `seek:${column}:${values.length}:${other.length > 0}`;
    return this.statement(key, () => seeks(column, values.length, other.length > 0)).all(params);
  }

  private statement(key: string, sql: () => string): Database.Statement<[Params], EventRow> {
    let statement = this.statements.get(key);
    if (!statement) {
      statement = this.db.prepare<[Params], EventRow>(sql()).raw(true);
      this.statements.set(key, statement);
    }
    return statement;
  }
}

const RANGE = 'position > @after AND position <= @upTo';

/** `+column` keeps SQLite on the primary key: the filter is checked on the rows it walks. */
function scan(conditions: (string | false)[]): string {
  const where = [RANGE, ...conditions.filter(Boolean)].join(' AND ');
  return `SELECT ${EVENT_COLUMNS} FROM events WHERE ${where} ORDER BY position LIMIT @limit`;
}

function seeks(column: 'type' | 'category', count: number, filterCategories: boolean): string {
  const other = filterCategories ? ` AND ${inList('category', 'other')}` : '';
  const branches = Array.from(
    { length: count },
    (_, index) => `SELECT ${EVENT_COLUMNS} FROM events WHERE ${column} = @v${index} AND ${RANGE}${other}`,
  );
  return `${branches.join(' UNION ALL ')} ORDER BY position LIMIT @limit`;
}

function inList(column: string, param: string): string {
  return `+${column} IN (SELECT value FROM json_each(@${param}))`;
}

function distinct(values: readonly string[] | undefined): string[] {
  return values ? [...new Set(values)] : [];
}
