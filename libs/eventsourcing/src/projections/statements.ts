import type { Database } from 'better-sqlite3';

/**
 * Prepares a projection's statements once per database (live, rebuild and "as of" databases
 * each get their own), after its tables exist. Call `forget` when the tables are dropped.
 */
export function statementsFor<S>(prepare: (db: Database) => S): {
  (db: Database): S;
  forget(db: Database): void;
} {
  const cache = new WeakMap<Database, S>();
  const get = (db: Database): S => {
    let statements = cache.get(db);
    if (!statements) {
      statements = prepare(db);
      cache.set(db, statements);
    }
    return statements;
  };
  return Object.assign(get, { forget: (db: Database) => void cache.delete(db) });
}
