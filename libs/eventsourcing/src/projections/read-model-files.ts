import Database from 'better-sqlite3';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * WAL pages after which a commit copies the WAL back into the read-model file (SQLite's default is
 * 1,000). The projections rewrite the same index pages commit after commit; copying less often
 * copies each of them once instead of many times, and syncs the file less often.
 */
export const READ_MODEL_WAL_AUTOCHECKPOINT = 10_000;

/** Opens a read-model database as the engine runs it: WAL, `synchronous = NORMAL`, checkpoints every 10,000 pages. */
export function openReadModelDb(path: string): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  if (path !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma(`wal_autocheckpoint = ${READ_MODEL_WAL_AUTOCHECKPOINT}`);
  return db;
}

/** `read-models.sqlite` → `read-models.next.sqlite`: where a blue/green rebuild builds. */
export function nextPathOf(path: string): string {
  if (path === ':memory:') return path;
  return /\.sqlite$/.test(path) ? path.replace(/\.sqlite$/, '.next.sqlite') : `${path}.next`;
}

/**
 * Closes a database so that its main file holds everything: back to a rollback journal, which
 * checkpoints the WAL into the file and deletes it. Only then may the file be renamed: a WAL left
 * beside a file is applied to whatever file later carries that name.
 */
export function closeSelfContained(db: Database.Database): void {
  if (!db.open) return;
  if (!db.memory) {
    const mode = db.pragma('journal_mode = DELETE', { simple: true });
    if (mode !== 'delete')
      throw new Error(`${db.name} is still in ${String(mode)} mode: another connection?`);
  }
  db.close();
}

/** Removes a database file and whatever journal, WAL or shared-memory file it left. */
export function removeDatabaseFiles(path: string): void {
  if (path === ':memory:') return;
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
}

/**
 * Puts the (closed, self-contained) database at `from` in the place of the one at `to`, in one
 * atomic rename: after a crash `to` holds either the old read models or the new ones, both with
 * their own checkpoints. Leftover WAL files of the old file are removed first.
 */
export function replaceDatabaseFile(from: string, to: string): void {
  for (const suffix of ['-wal', '-shm', '-journal']) {
    rmSync(to + suffix, { force: true });
    rmSync(from + suffix, { force: true });
  }
  renameSync(from, to);
  syncFolder(dirname(to));
}

function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Not every platform can sync a folder; the rename itself is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Copies the tables that live beside the read models but are not built from the log by the
 * projections (process-manager checkpoints and refusals, delivery checkpoints, …): every table of
 * `from` that `to` does not have, with its rows and indexes. Runs in one transaction on `to`.
 */
export function carryOverTables(from: Database.Database, to: Database.Database): string[] {
  const schema = (db: Database.Database) =>
    db
      .prepare<[], { type: string; name: string; tbl_name: string; sql: string | null }>(
        `SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY rowid`,
      )
      .all();
  const present = new Set(schema(to).map((entry) => entry.name));
  const objects = schema(from);
  const tables = objects.filter((o) => o.type === 'table' && !present.has(o.name) && o.sql !== null);
  const names = new Set(tables.map((t) => t.name));
  const dependents = objects.filter(
    (o) => (o.type === 'index' || o.type === 'trigger') && names.has(o.tbl_name) && o.sql !== null,
  );
  to.transaction(() => {
    for (const table of tables) {
      to.exec(table.sql!);
      const rows = from
        .prepare(`SELECT * FROM "${table.name.replace(/"/g, '""')}"`)
        .raw(true)
        .all() as unknown[][];
      if (rows.length === 0) continue;
      const marks = rows[0].map(() => '?').join(', ');
      const insert = to.prepare(`INSERT INTO "${table.name.replace(/"/g, '""')}" VALUES (${marks})`);
      for (const row of rows) insert.run(row);
    }
    for (const dependent of dependents) to.exec(dependent.sql!);
  })();
  return [...names];
}
