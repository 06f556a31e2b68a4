import Database from 'better-sqlite3';
import type { Projection } from '../projection.js';

/**
 * Row history: every version of every read-model row, with the log position it was written at,
 * kept beside the rows by triggers as the projections write them (live, rebuild, blue/green). The
 * read models as they stood after any position `P` are then a query away, without replaying the
 * log: for each row, its latest version written at or before `P`, unless that version is a
 * deletion (`asOfViews`). What each version holds is exactly what the projection code wrote, so a
 * view at `P` equals a rebuild of the read models from zero up to `P`.
 *
 * For a table `t` with key columns `k` (its primary key, or its rowid):
 * - `t__history (…t's columns, _rowid?, _from, _gone)`, primary key `(k, _from)`: one version per
 *   row and position (the last write of an event wins), `_gone = 1` marks a deletion;
 * - triggers after INSERT, UPDATE and DELETE on `t` write the version (an UPDATE that changes the
 *   key also marks the old key gone; with `recursive_triggers` on, rows an `INSERT OR REPLACE`
 *   removes are marked gone too);
 * - `row_history (tbl, since, signature)`: from which position the table's history is complete (0
 *   when the table was built from the start of the log; the projection's checkpoint when history
 *   began on tables built before), and how it is kept (`signatureOf`: versions of which columns,
 *   or a ledger).
 */

export const ROW_HISTORY_META = 'row_history';
const POSITION_FUNCTION = 'kurultai_row_position';
const SUFFIX = '__history';

interface Column {
  readonly name: string;
  readonly type: string;
}

interface TableShape {
  readonly columns: readonly string[];
  /**
   * The columns' declared types, given to the history's columns: the same affinity, so the
   * triggers' `NEW.x` compares with the history's key through its index (an untyped history key
   * is searched by a scan when `x` is declared INTEGER), and the views compare as the table does.
   * `ANY` (of STRICT tables) stays untyped: in a table that is not STRICT it would mean NUMERIC.
   */
  readonly types: readonly string[];
  /** Key columns of the history: the primary key, or `_rowid`. */
  readonly key: readonly string[];
  readonly rowid: boolean;
}

const clocks = new WeakMap<Database.Database, { position: number }>();

/**
 * Tells the history triggers of this connection the position of the event being applied. Every
 * connection that writes read-model rows must call it (applyEvent does): without it, the triggers
 * fail with "no such function" rather than record versions at a wrong position.
 */
export function setRowPosition(db: Database.Database, position: number): void {
  let clock = clocks.get(db);
  if (!clock) {
    const created = { position };
    db.function(POSITION_FUNCTION, { deterministic: false }, () => created.position);
    // Rows an INSERT OR REPLACE removes fire the DELETE triggers only with this on.
    db.pragma('recursive_triggers = ON');
    clocks.set(db, created);
    clock = created;
  }
  clock.position = position;
}

const tablesByProjection = new WeakMap<Projection, readonly string[]>();

/** The tables a projection owns: those its `setup` creates (found once, on a scratch database). */
export function tablesOf(projection: Projection): readonly string[] {
  let tables = tablesByProjection.get(projection);
  if (!tables) {
    const scratch = new Database(':memory:');
    try {
      const before = new Set(tableNames(scratch));
      projection.setup(scratch);
      tables = tableNames(scratch).filter((t) => !before.has(t));
    } finally {
      scratch.close();
    }
    tablesByProjection.set(projection, tables);
  }
  return tables;
}

/**
 * Keeps the history of `tables` from here on. A table without its triggers (new, dropped and
 * created again by a reset, or built before history existed) gets a new history: its current rows
 * as versions at `since` (the position the table reflects, the projection's checkpoint), complete
 * from `since`. Call it after the projection's `setup`, in the same transaction.
 */
export function keepRowHistory(
  db: Database.Database,
  tables: readonly string[],
  since: number,
  ledgers: Readonly<Record<string, string>> = {},
): void {
  createMeta(db);
  const installed = installedHistory(db);
  for (const table of tables) {
    const position = ledgers[table];
    const signature = signatureOf(db, table, position);
    if (installed.get(table)?.signature === signature) continue;
    // New, created again by a reset, built before history was kept, or kept another way (a table
    // that became a ledger, or stopped being one, or changed its columns): history starts here.
    dropRowHistory(db, [table]);
    if (position === undefined) startHistory(db, table, since);
    else guardLedger(db, table, position);
    db.prepare(
      `INSERT INTO ${ROW_HISTORY_META} (tbl, since, signature) VALUES (?, ?, ?)
       ON CONFLICT (tbl) DO UPDATE SET since = excluded.since, signature = excluded.signature`,
    ).run(table, since, signature);
  }
}

/** Stops keeping the history of `tables` and drops what was kept (triggers, history tables, meta). */
export function dropRowHistory(db: Database.Database, tables: readonly string[]): void {
  const meta = hasTable(db, ROW_HISTORY_META);
  for (const table of tables) {
    for (const what of ['ins', 'upd', 'set', 'del'] as const)
      db.exec(`DROP TRIGGER IF EXISTS ${quote(triggerName(table, what))}`);
    db.exec(`DROP TABLE IF EXISTS ${quote(table + SUFFIX)}`);
    if (meta) db.prepare(`DELETE FROM ${ROW_HISTORY_META} WHERE tbl = ?`).run(table);
  }
}

/**
 * Whether the history of every table of `projections` is complete at `position`: the views of
 * `asOfViews` then show the read models exactly as they stood.
 */
export function historyCovers(
  db: Database.Database,
  projections: readonly Projection[],
  position: number,
): boolean {
  if (!hasTable(db, ROW_HISTORY_META)) return false;
  const installed = installedHistory(db);
  return projections.every((p) =>
    tablesOf(p).every((t) => {
      const kept = installed.get(t);
      return (
        kept !== undefined && kept.since <= position && kept.signature === signatureOf(db, t, p.ledgers?.[t])
      );
    }),
  );
}

/**
 * Shadows, on this connection only, every table of `projections` with a temporary view of the
 * table as it stood after `position` (temporary objects come first in SQLite's name lookup), and
 * the engine's provenance and checkpoint tables likewise: the queries run unchanged.
 */
export function asOfViews(db: Database.Database, projections: readonly Projection[], position: number): void {
  const at = Math.trunc(position);
  if (!Number.isSafeInteger(at) || at < 0) throw new Error(`not a log position: ${position}`);
  const statements: string[] = [];
  for (const projection of projections) {
    for (const table of tablesOf(projection)) {
      const ledgerPosition = projection.ledgers?.[table];
      if (ledgerPosition !== undefined) {
        statements.push(
          `CREATE TEMP VIEW ${quote(table)} AS SELECT * FROM main.${quote(table)} WHERE ${quote(ledgerPosition)} <= ${at}`,
        );
        continue;
      }
      const shape = shapeOf(db, table);
      const history = `main.${quote(table + SUFFIX)}`;
      const same = shape.key.map((k) => `n.${quote(k)} IS h.${quote(k)}`).join(' AND ');
      statements.push(`CREATE TEMP VIEW ${quote(table)} AS
        SELECT ${shape.columns.map((c) => `h.${quote(c)}`).join(', ')} FROM ${history} AS h
        WHERE h._from <= ${at} AND h._gone = 0
          AND NOT EXISTS (SELECT 1 FROM ${history} AS n WHERE ${same} AND n._from > h._from AND n._from <= ${at})`);
    }
  }
  if (hasTable(db, 'projection_provenance'))
    statements.push(
      `CREATE TEMP VIEW projection_provenance AS SELECT * FROM main.projection_provenance WHERE position <= ${at}`,
    );
  if (hasTable(db, 'projection_checkpoints'))
    statements.push(`CREATE TEMP VIEW projection_checkpoints AS
      SELECT name, version, MIN(position, ${at}) AS position, updated_at FROM main.projection_checkpoints`);
  db.exec(statements.join(';\n'));
  // A view over a history that is not there fails when it is read, not when it is made: read each
  // once, so that such a file is found out here (and the question replayed) rather than mid-query.
  for (const projection of projections)
    for (const table of tablesOf(projection)) db.prepare(`SELECT * FROM ${quote(table)} LIMIT 0`).all();
}

/**
 * Drops the history triggers inside the caller's transaction: a replay that is never committed
 * (an "as of" replay on a snapshot) need not write versions.
 */
export function dropRowHistoryTriggers(db: Database.Database): void {
  const names = (
    db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%\\_\\_history\\_%' ESCAPE '\\'",
      )
      .all() as {
      name: string;
    }[]
  ).map((r) => r.name);
  for (const name of names) db.exec(`DROP TRIGGER IF EXISTS main.${quote(name)}`);
}

function startHistory(db: Database.Database, table: string, since: number): void {
  const shape = shapeOf(db, table);
  const history = quote(table + SUFFIX);
  const rowidColumn = shape.rowid ? ', _rowid INTEGER' : '';
  const key = shape.key.map(quote).join(', ');
  db.exec(`CREATE TABLE ${history} (
    ${shape.columns.map((c, i) => `${quote(c)} ${shape.types[i]}`).join(', ')}${rowidColumn},
    _from INTEGER NOT NULL,
    _gone INTEGER NOT NULL,
    PRIMARY KEY (${key}, _from)
  ) WITHOUT ROWID`);
  // The queries' own indexes, for the views: the same columns, then the version.
  indexesOf(db, table).forEach((columns, i) =>
    db.exec(
      `CREATE INDEX ${quote(`${table}${SUFFIX}_${i + 1}`)} ON ${history} (${columns.map(quote).join(', ')}, _from)`,
    ),
  );
  const names = [...shape.columns, ...(shape.rowid ? ['_rowid'] : [])].map(quote).join(', ');
  const values = (row: 'NEW' | 'OLD') =>
    [...shape.columns.map((c) => `${row}.${quote(c)}`), ...(shape.rowid ? [`${row}.rowid`] : [])].join(', ');
  const keyOf = (row: 'NEW' | 'OLD') =>
    shape.key.map((k) => (k === '_rowid' ? `${row}.rowid` : `${row}.${quote(k)}`)).join(', ');
  const position = `${POSITION_FUNCTION}()`;
  const sameVersion = (row: 'NEW' | 'OLD') =>
    shape.key
      .map((k) => (k === '_rowid' ? `_rowid IS ${row}.rowid` : `${quote(k)} IS ${row}.${quote(k)}`))
      .join(' AND ') + ` AND _from = ${position}`;
  // One version per row and position, the last write of the event: delete, then insert (an
  // INSERT OR REPLACE here would take the conflict policy of the statement firing the trigger).
  const version = (row: 'NEW' | 'OLD') => `
    DELETE FROM ${history} WHERE ${sameVersion(row)};
    INSERT INTO ${history} (${names}, _from, _gone) VALUES (${values(row)}, ${position}, 0);`;
  const gone = (row: 'NEW' | 'OLD') => `
    DELETE FROM ${history} WHERE ${sameVersion(row)};
    INSERT INTO ${history} (${key}, _from, _gone) VALUES (${keyOf(row)}, ${position}, 1);`;
  const keyChanged = shape.key
    // Byte for byte, as the history compares keys: a key changed only in case under NOCASE changes.
    .map((k) =>
      k === '_rowid' ? 'OLD.rowid IS NOT NEW.rowid' : `OLD.${quote(k)} IS NOT NEW.${quote(k)} COLLATE BINARY`,
    )
    .join(' OR ');
  db.exec(`
    CREATE TRIGGER ${quote(triggerName(table, 'ins'))} AFTER INSERT ON ${quote(table)} BEGIN ${version('NEW')} END;
    CREATE TRIGGER ${quote(triggerName(table, 'upd'))} AFTER UPDATE ON ${quote(table)} WHEN ${keyChanged} BEGIN
      ${gone('OLD')}
    END;
    CREATE TRIGGER ${quote(triggerName(table, 'set'))} AFTER UPDATE ON ${quote(table)} BEGIN ${version('NEW')} END;
    CREATE TRIGGER ${quote(triggerName(table, 'del'))} AFTER DELETE ON ${quote(table)} BEGIN ${gone('OLD')} END;`);
  // Rows already there (history begun on tables built before) stand as written at `since`.
  const select = [...shape.columns.map(quote), ...(shape.rowid ? ['rowid'] : [])].join(', ');
  db.prepare(
    `INSERT INTO ${history} (${names}, _from, _gone) SELECT ${select}, ?, 0 FROM ${quote(table)}`,
  ).run(since);
}

/**
 * A ledger table keeps no history: each row is written once, by the event at the position in its
 * `position` column, so the table as it stood after `P` is its rows up to `P`. Triggers hold it to
 * that: a row written at another position, an update or a deletion aborts the projection's batch.
 */
function guardLedger(db: Database.Database, table: string, position: string): void {
  const refuse = (what: string) =>
    `SELECT RAISE(ABORT, '${table.replace(/'/g, "''")} is a ledger: ${what}');`;
  db.exec(`
    CREATE TRIGGER ${quote(triggerName(table, 'ins'))} BEFORE INSERT ON ${quote(table)}
      WHEN NEW.${quote(position)} IS NOT ${POSITION_FUNCTION}() BEGIN ${refuse('a row of another event')} END;
    CREATE TRIGGER ${quote(triggerName(table, 'upd'))} BEFORE UPDATE ON ${quote(table)} BEGIN ${refuse('rows are never changed')} END;
    CREATE TRIGGER ${quote(triggerName(table, 'del'))} BEFORE DELETE ON ${quote(table)} BEGIN ${refuse('rows are never removed')} END;`);
}

function shapeOf(db: Database.Database, table: string): TableShape {
  // Generated columns too (hidden 2 and 3), which pragma_table_info leaves out; not hidden ones (1).
  const info = db
    .prepare(`SELECT name, type, pk FROM pragma_table_xinfo(?) WHERE hidden IN (0, 2, 3) ORDER BY cid`)
    .all(table) as (Column & {
    pk: number;
  })[];
  if (info.length === 0) throw new Error(`no table ${table}`);
  const primary = info
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => c.name);
  const rowid = primary.length === 0;
  const types = info.map((c) =>
    /^any$/i.test(c.type.trim()) ? '' : c.type.replace(/[^A-Za-z0-9_ (),]/g, ''),
  );
  return { columns: info.map((c) => c.name), types, key: rowid ? ['_rowid'] : primary, rowid };
}

/** The columns of each index of a table besides its primary key. */
function indexesOf(db: Database.Database, table: string): string[][] {
  const list = db.prepare(`SELECT name, origin FROM pragma_index_list(?)`).all(table) as {
    name: string;
    origin: string;
  }[];
  const indexes: string[][] = [];
  for (const index of list) {
    if (index.origin === 'pk') continue;
    const columns = db
      .prepare(`SELECT cid, name FROM pragma_index_info(?) ORDER BY seqno`)
      .all(index.name) as {
      cid: number;
      name: string | null;
    }[];
    // An index on expressions has no columns to copy: the views scan by key instead.
    if (columns.length === 0 || columns.some((c) => c.cid < 0 || c.name === null)) continue;
    indexes.push(columns.map((c) => c.name!));
  }
  return indexes;
}

function createMeta(db: Database.Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS ${ROW_HISTORY_META} (
    tbl TEXT PRIMARY KEY,
    since INTEGER NOT NULL,
    signature TEXT
  ) STRICT`);
  // A table made before signatures were recorded: its histories are reinstalled (null signatures).
  const columns = db.prepare(`SELECT name FROM pragma_table_info(?)`).all(ROW_HISTORY_META) as {
    name: string;
  }[];
  if (!columns.some((c) => c.name === 'signature'))
    db.exec(`ALTER TABLE ${ROW_HISTORY_META} ADD COLUMN signature TEXT`);
}

/** How a table's history is kept: as a ledger (by which column) or by versions (of which columns). */
function signatureOf(db: Database.Database, table: string, ledgerPosition: string | undefined): string {
  if (ledgerPosition !== undefined) return `ledger ${ledgerPosition}`;
  const shape = shapeOf(db, table);
  return `history ${JSON.stringify([shape.columns, shape.types, shape.key])}`;
}

/**
 * What `row_history` says of each table whose history is installed: a table whose triggers are
 * gone (dropped with it by a reset) is left out, whatever its row says.
 */
function installedHistory(db: Database.Database): Map<string, { since: number; signature: string | null }> {
  const triggers = new Set(
    (db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as { name: string }[]).map(
      (r) => r.name,
    ),
  );
  const rows = db.prepare(`SELECT tbl, since, signature FROM ${ROW_HISTORY_META}`).all() as {
    tbl: string;
    since: number;
    signature: string | null;
  }[];
  return new Map(
    rows
      .filter((r) => triggers.has(triggerName(r.tbl, 'ins')))
      .map((r) => [r.tbl, { since: r.since, signature: r.signature }]),
  );
}

function tableNames(db: Database.Database): string[] {
  return (
    db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
      )
      .all() as { name: string }[]
  ).map((r) => r.name);
}

function hasTable(db: Database.Database, name: string): boolean {
  return (
    db.prepare("SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined
  );
}

function triggerName(table: string, what: 'ins' | 'upd' | 'set' | 'del'): string {
  return `${table}${SUFFIX}_${what}`;
}

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
