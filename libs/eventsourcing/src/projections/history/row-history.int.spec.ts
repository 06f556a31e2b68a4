import Database from 'better-sqlite3';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type RecordedEvent } from '#event-store';
import { newEvent } from '#event-store/testing/event-builders.js';
import type { Projection } from '../projection.js';
import { ProjectionRunner } from '../projection-runner.js';
import { applyEvent } from '../provenance.js';
import { openReadModelDb } from '../read-model-files.js';
import { asOfViews, dropRowHistoryTriggers, historyCovers, keepRowHistory, tablesOf } from './row-history.js';
import { SQL_EVENT, sqlProjection, type SqlProjection, type SqlStep } from './testing/sql.projection.js';

type Rows = Record<string, unknown[]>;

/**
 * Every row of `tables` as this connection sees them (the live tables, or the "as of" views that
 * shadow them), in a stable order. Integers come back as bigint and reals as number, so that a
 * value whose storage type changed (1 → 1.0) does not pass for the same.
 */
function rowsOf(db: Database.Database, tables: readonly string[]): Rows {
  const rows: Rows = {};
  for (const table of tables) {
    const columns = db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[];
    if (columns.length === 0) throw new Error(`no table ${table}`);
    const order = columns.map((_, i) => i + 1).join(', ');
    rows[table] = db.prepare(`SELECT * FROM "${table}" ORDER BY ${order}`).safeIntegers(true).all();
  }
  return rows;
}

/** The read models rebuilt from zero up to `position`, in memory, with the same projection code. */
function rebuilt(projection: SqlProjection, log: readonly RecordedEvent[], position: number): Rows {
  const db = new Database(':memory:');
  try {
    projection.setup(db);
    for (const event of log) if (event.position <= position) projection.apply(db, event);
    return rowsOf(db, projection.tables);
  } finally {
    db.close();
  }
}

/** A second, read-only connection to the live file, as the "as of" reader opens it. */
function readOnly(file: string): Database.Database {
  return new Database(file, { readonly: true, fileMustExist: true });
}

/** What the "as of" views of a fresh read-only connection show at `position`. */
function viewsAt(file: string, projection: SqlProjection, position: number): Rows {
  const reader = readOnly(file);
  try {
    asOfViews(reader, [projection], position);
    return rowsOf(reader, projection.tables);
  } finally {
    reader.close();
  }
}

/** Whether the history of the live file covers `position`, as a reader sees it. */
function coversAt(file: string, projection: Projection, position: number): boolean {
  const reader = readOnly(file);
  try {
    return historyCovers(reader, [projection], position);
  } finally {
    reader.close();
  }
}

/** The views at every position from `from` to the head equal a rebuild from zero up to there. */
function expectViewsEqualRebuilds(
  file: string,
  projection: SqlProjection,
  log: readonly RecordedEvent[],
  from = 0,
): void {
  const head = log.length === 0 ? 0 : log[log.length - 1].position;
  for (let position = from; position <= head; position++) {
    expect(coversAt(file, projection, position)).toBe(true);
    expect({ position, rows: viewsAt(file, projection, position) }).toEqual({
      position,
      rows: rebuilt(projection, log, position),
    });
  }
}

const step = (sql: string, ...params: unknown[]): SqlStep => ({ sql, params });

/** An event of the SQL projection at `position`, as the log hands it out. */
function recorded(position: number, steps: readonly SqlStep[]): RecordedEvent {
  return { ...newEvent(SQL_EVENT, { steps }), stream: 'sql-1', revision: position - 1, position };
}

/**
 * Given a read-model file (WAL, as the engine opens it) whose projection's tables keep their
 * history from position 0, written event by event through `applyEvent`, each in its own
 * transaction as the runner commits.
 */
class Live {
  readonly db: Database.Database;
  readonly log: RecordedEvent[] = [];

  constructor(
    readonly file: string,
    readonly projection: SqlProjection,
  ) {
    this.db = openReadModelDb(file);
    this.db.transaction(() => {
      projection.setup(this.db);
      keepRowHistory(this.db, tablesOf(projection), 0, projection.ledgers);
    })();
  }

  /** Applies one event made of `steps`; returns its position. */
  write(...steps: SqlStep[]): number {
    const event = recorded(this.log.length + 1, steps);
    this.db.transaction(() => applyEvent(this.db, this.projection, event))();
    this.log.push(event);
    return event.position;
  }

  /** The versions the history holds for the rows `where` selects, oldest first. */
  versions(table: string, columns: string, where = '1'): unknown[] {
    return this.db
      .prepare(
        `SELECT ${columns}, _from, _gone FROM "${table}__history" WHERE ${where} ORDER BY _from, ${columns}`,
      )
      .all();
  }

  expectViewsEqualRebuilds(from = 0): void {
    expectViewsEqualRebuilds(this.file, this.projection, this.log, from);
  }
}

describe('Row history of the read models ("as of" views over a live SQLite file)', () => {
  let dir: string;
  const cleanup: (() => Promise<void> | void)[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kurultai-row-history-'));
  });
  afterEach(async () => {
    for (const close of cleanup.splice(0).reverse()) await close();
    rmSync(dir, { recursive: true, force: true });
  });

  let files = 0;
  function live(schema: string, tables: readonly string[], ledgers?: Record<string, string>): Live {
    const projection = sqlProjection(`sql-${++files}`, schema, tables, ledgers);
    const opened = new Live(join(dir, `read-models-${files}.sqlite`), projection);
    cleanup.push(() => {
      if (opened.db.open) opened.db.close();
    });
    return opened;
  }

  describe('ledger tables (one row per event, never changed)', () => {
    const ENTRIES = `CREATE TABLE IF NOT EXISTS entry (position INTEGER PRIMARY KEY, who TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS entry_who ON entry (who, position)`;
    const entry = (position: number, who: string) =>
      step('INSERT INTO entry (position, who) VALUES (?, ?)', position, who);

    it('are read up to the position asked, without a history of their own', () => {
      // Given a ledger written one row per event, by that event
      const l = live(ENTRIES, ['entry'], { entry: 'position' });
      l.write(entry(1, 'az'));
      l.write(entry(2, 'kz'));
      l.write(entry(3, 'az'));
      // Then the views equal a rebuild at every position, and no history table was made
      l.expectViewsEqualRebuilds();
      expect(viewsAt(l.file, l.projection, 2)).toEqual({
        entry: [
          { position: 1n, who: 'az' },
          { position: 2n, who: 'kz' },
        ],
      });
      const history = l.db.prepare(
        "SELECT name FROM sqlite_master WHERE name LIKE 'entry\\_\\_history%' ESCAPE '\\' AND type = 'table'",
      );
      expect(history.all()).toEqual([]);
    });

    it('a table that stops being a ledger gets a history from the checkpoint of the day, and the reverse', () => {
      // Given a ledger with two rows
      const l = live(ENTRIES, ['entry'], { entry: 'position' });
      l.write(entry(1, 'az'));
      l.write(entry(2, 'kz'));
      // When its projection no longer calls it a ledger (same tables, same version)
      l.db.transaction(() => keepRowHistory(l.db, ['entry'], 2))();
      // Then it keeps versions from 2 on: rows may change, and the views follow them
      l.write(step("UPDATE entry SET who = 'tr' WHERE position = 1"));
      const plain = sqlProjection(l.projection.name, ENTRIES, ['entry']);
      expect(coversAt(l.file, plain, 1)).toBe(false);
      expect(coversAt(l.file, plain, 2)).toBe(true);
      // (a reader still holding it for a ledger finds it is not one any more)
      expect(coversAt(l.file, l.projection, 3)).toBe(false);
      expect(viewsAt(l.file, plain, 2).entry).toEqual([
        { position: 1n, who: 'az' },
        { position: 2n, who: 'kz' },
      ]);
      expect(viewsAt(l.file, plain, 3).entry).toEqual([
        { position: 1n, who: 'tr' },
        { position: 2n, who: 'kz' },
      ]);
      // And back to a ledger: its history table goes, the guards return
      l.db.transaction(() => keepRowHistory(l.db, ['entry'], 3, { entry: 'position' }))();
      expect(() => l.write(step("UPDATE entry SET who = 'uz'"))).toThrow('rows are never changed');
      expect(coversAt(l.file, l.projection, 3)).toBe(true);
    });

    it('a view over a history that is missing is found out when the views are made, not mid-query', () => {
      // Given a ledger, read by a reader that takes it for a table with history
      const l = live(ENTRIES, ['entry'], { entry: 'position' });
      l.write(entry(1, 'az'));
      const plain = sqlProjection(l.projection.name, ENTRIES, ['entry']);
      const reader = readOnly(l.file);
      try {
        expect(() => asOfViews(reader, [plain], 1)).toThrow('no such table');
      } finally {
        reader.close();
      }
    });

    it('refuse a row of another event, a change and a removal, writing nothing', () => {
      // Given a ledger with one row
      const l = live(ENTRIES, ['entry'], { entry: 'position' });
      l.write(entry(1, 'az'));
      // When an event writes a row at another position, changes a row or removes one
      // Then the projection's write fails and the ledger is as it was
      expect(() => l.write(entry(7, 'kz'))).toThrow('entry is a ledger: a row of another event');
      expect(() => l.write(step("UPDATE entry SET who = 'tr'"))).toThrow('rows are never changed');
      expect(() => l.write(step('DELETE FROM entry'))).toThrow('rows are never removed');
      expect(l.db.prepare('SELECT position, who FROM entry').all()).toEqual([{ position: 1, who: 'az' }]);
    });
  });

  describe('column types', () => {
    it("keep the table's declared types, so the views compare values as the table does", () => {
      // Given an INTEGER column (STRICT) and an ANY column, and a row
      const l = live(`CREATE TABLE IF NOT EXISTS typed (n INTEGER PRIMARY KEY, t TEXT, a ANY) STRICT`, [
        'typed',
      ]);
      l.write(step("INSERT INTO typed VALUES (5, '07', '0012')"));
      // Then the history's columns have the table's types (ANY untyped: it must not turn '0012' into 12)
      const types = l.db.prepare("SELECT name, type FROM pragma_table_info('typed__history')").all();
      expect(types).toEqual(
        expect.arrayContaining([
          { name: 'n', type: 'INTEGER' },
          { name: 't', type: 'TEXT' },
          { name: 'a', type: '' },
        ]),
      );
      // and a text parameter matches the INTEGER column in a view as it does in the table
      const reader = readOnly(l.file);
      try {
        asOfViews(reader, [l.projection], 1);
        expect(reader.prepare('SELECT n, t, a FROM typed WHERE n = ?').all('5')).toEqual([
          { n: 5, t: '07', a: '0012' },
        ]);
      } finally {
        reader.close();
      }
      expect(l.db.prepare('SELECT n FROM typed WHERE n = ?').all('5')).toEqual([{ n: 5 }]);
    });
  });

  describe('plain writes', () => {
    const ITEMS = `CREATE TABLE IF NOT EXISTS item (id TEXT PRIMARY KEY, qty INTEGER NOT NULL, note TEXT)`;
    const insert = (id: string, qty: number) => step('INSERT INTO item (id, qty) VALUES (?, ?)', id, qty);

    it('show each row inserted, updated and deleted as it stood after every position', () => {
      // Given rows inserted, then one updated and one deleted
      const l = live(ITEMS, ['item']);
      l.write(insert('a', 1), insert('b', 2));
      l.write(step("UPDATE item SET qty = 10, note = 'more' WHERE id = 'a'"));
      l.write(step("DELETE FROM item WHERE id = 'b'"));
      l.write(insert('c', 3));
      // and then every row deleted at once (no truncation shortcut past the triggers)
      l.write(step('DELETE FROM item'));
      // Then the views at every position show exactly what a rebuild up to there shows
      l.expectViewsEqualRebuilds();
      expect(viewsAt(l.file, l.projection, 5)).toEqual({ item: [] });
      expect(viewsAt(l.file, l.projection, 2)).toEqual({
        item: [
          { id: 'a', qty: 10n, note: 'more' },
          { id: 'b', qty: 2n, note: null },
        ],
      });
      expect(viewsAt(l.file, l.projection, 3)).toEqual({ item: [{ id: 'a', qty: 10n, note: 'more' }] });
    });

    it('show a row deleted and inserted again as absent in between and back from the position it returned', () => {
      // Given a row deleted, inserted again later, then deleted and inserted again within one event
      const l = live(ITEMS, ['item']);
      l.write(insert('a', 1));
      l.write(step("DELETE FROM item WHERE id = 'a'"));
      l.write(insert('b', 2));
      l.write(insert('a', 5));
      l.write(step("DELETE FROM item WHERE id = 'a'"), insert('a', 6));
      // Then
      l.expectViewsEqualRebuilds();
      expect(viewsAt(l.file, l.projection, 3)).toEqual({ item: [{ id: 'b', qty: 2n, note: null }] });
      expect(l.versions('item', 'qty', "id = 'a'")).toEqual([
        { qty: 1, _from: 1, _gone: 0 },
        { qty: null, _from: 2, _gone: 1 },
        { qty: 5, _from: 4, _gone: 0 },
        { qty: 6, _from: 5, _gone: 0 },
      ]);
    });

    it('keep one version per row and event: the last write of the event, none of the writes before it', () => {
      // Given a row written several times within one event, and a row inserted and deleted within one
      const l = live(ITEMS, ['item']);
      l.write(insert('a', 1));
      l.write(
        step("UPDATE item SET qty = 2 WHERE id = 'a'"),
        step("UPDATE item SET note = 'between' WHERE id = 'a'"),
        step("UPDATE item SET qty = 3, note = 'last' WHERE id = 'a'"),
        insert('b', 7),
        step("DELETE FROM item WHERE id = 'b'"),
      );
      // Then the history holds the event's last write only
      expect(l.versions('item', 'id, qty, note')).toEqual([
        { id: 'a', qty: 1, note: null, _from: 1, _gone: 0 },
        { id: 'a', qty: 3, note: 'last', _from: 2, _gone: 0 },
        { id: 'b', qty: null, note: null, _from: 2, _gone: 1 },
      ]);
      l.expectViewsEqualRebuilds();
      expect(viewsAt(l.file, l.projection, 2)).toEqual({ item: [{ id: 'a', qty: 3n, note: 'last' }] });
    });
  });

  describe('INSERT OR REPLACE', () => {
    const ACCOUNTS = `CREATE TABLE IF NOT EXISTS account (
      id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT NOT NULL)`;
    const replace = (id: number, email: string, name: string) =>
      step('INSERT OR REPLACE INTO account VALUES (?, ?, ?)', id, email, name);

    it('on the primary key shows the new row in place of the old one', () => {
      const l = live(ACCOUNTS, ['account']);
      l.write(replace(1, 'a@x', 'A'), replace(2, 'b@x', 'B'));
      l.write(replace(1, 'a@x', 'A again'));
      l.expectViewsEqualRebuilds();
      expect(viewsAt(l.file, l.projection, 2).account).toEqual([
        { id: 1n, email: 'a@x', name: 'A again' },
        { id: 2n, email: 'b@x', name: 'B' },
      ]);
    });

    it('on another UNIQUE column removes the row it replaced from the views', () => {
      // Given a row replaced through its e-mail by a row with another key, then a REPLACE that
      // removes two rows at once (one through the key, one through the e-mail)
      const l = live(ACCOUNTS, ['account']);
      l.write(replace(1, 'a@x', 'A'), replace(2, 'b@x', 'B'));
      l.write(replace(3, 'b@x', 'B moved'));
      l.write(step("REPLACE INTO account VALUES (1, 'b@x', 'both')"));
      // Then the replaced rows are gone from the views from the position they were replaced at
      l.expectViewsEqualRebuilds();
      expect(viewsAt(l.file, l.projection, 2).account).toEqual([
        { id: 1n, email: 'a@x', name: 'A' },
        { id: 3n, email: 'b@x', name: 'B moved' },
      ]);
      expect(viewsAt(l.file, l.projection, 3).account).toEqual([{ id: 1n, email: 'b@x', name: 'both' }]);
      // The rows REPLACE deletes fire the DELETE triggers because writing turned this on
      expect(l.db.pragma('recursive_triggers', { simple: true })).toBe(1);
    });
  });

  describe('UPSERT and INSERT OR IGNORE', () => {
    const TALLY = `CREATE TABLE IF NOT EXISTS tally (k TEXT PRIMARY KEY, n INTEGER NOT NULL, first INTEGER NOT NULL)`;
    const count = (k: string, at: number) =>
      step('INSERT INTO tally VALUES (?, 1, ?) ON CONFLICT (k) DO UPDATE SET n = n + 1', k, at);

    it('show the inserted row, then the row as the conflict updated it', () => {
      const l = live(TALLY, ['tally']);
      l.write(count('a', 1));
      l.write(count('a', 2), count('b', 2));
      l.write(count('a', 3), count('a', 3));
      l.expectViewsEqualRebuilds();
      expect(viewsAt(l.file, l.projection, 3).tally).toEqual([
        { k: 'a', n: 4n, first: 1n },
        { k: 'b', n: 1n, first: 2n },
      ]);
    });

    it('write no version for a row that an ignored insert or DO NOTHING left alone', () => {
      // Given rows, then inserts that conflict and are ignored, beside one that is not
      const l = live(TALLY, ['tally']);
      l.write(count('a', 1), count('b', 1));
      l.write(
        step("INSERT OR IGNORE INTO tally VALUES ('a', 100, 100)"),
        step("INSERT INTO tally VALUES ('b', 100, 100) ON CONFLICT DO NOTHING"),
        step("INSERT INTO tally VALUES ('b', 100, 100) ON CONFLICT (k) DO UPDATE SET n = 0 WHERE 0"),
        step("INSERT OR IGNORE INTO tally VALUES ('c', 1, 2)"),
      );
      // Then
      l.expectViewsEqualRebuilds();
      expect(l.versions('tally', 'k')).toEqual([
        { k: 'a', _from: 1, _gone: 0 },
        { k: 'b', _from: 1, _gone: 0 },
        { k: 'c', _from: 2, _gone: 0 },
      ]);
    });
  });

  describe('an UPDATE that changes the primary key', () => {
    const MEMBERS = `CREATE TABLE IF NOT EXISTS member (state TEXT PRIMARY KEY, name TEXT NOT NULL)`;

    it('shows the old key gone and the new key present from that position', () => {
      const l = live(MEMBERS, ['member']);
      l.write(step("INSERT INTO member VALUES ('AZ', 'Azerbaijan'), ('KZ', 'Kazakhstan')"));
      l.write(step("UPDATE member SET state = 'UZ', name = 'Uzbekistan' WHERE state = 'AZ'"));
      l.expectViewsEqualRebuilds();
      expect(viewsAt(l.file, l.projection, 2).member).toEqual([
        { state: 'KZ', name: 'Kazakhstan' },
        { state: 'UZ', name: 'Uzbekistan' },
      ]);
      expect(l.versions('member', 'state', "state = 'AZ'")).toEqual([
        { state: 'AZ', _from: 1, _gone: 0 },
        { state: 'AZ', _from: 2, _gone: 1 },
      ]);
    });

    it('shows two keys swapped within one event, and marks nothing gone when the key is set to itself', () => {
      const l = live(MEMBERS, ['member']);
      l.write(step("INSERT INTO member VALUES ('KG', 'Kyrgyzstan'), ('TR', 'Türkiye')"));
      l.write(
        step("UPDATE member SET state = 'tmp' WHERE state = 'KG'"),
        step("UPDATE member SET state = 'KG' WHERE state = 'TR'"),
        step("UPDATE member SET state = 'TR' WHERE state = 'tmp'"),
      );
      l.write(step("UPDATE member SET state = state, name = 'Turkey' WHERE state = 'TR'"));
      l.expectViewsEqualRebuilds();
      expect(viewsAt(l.file, l.projection, 2).member).toEqual([
        { state: 'KG', name: 'Türkiye' },
        { state: 'TR', name: 'Kyrgyzstan' },
      ]);
      expect(l.versions('member', 'state', "state = 'TR'")).toEqual([
        { state: 'TR', _from: 1, _gone: 0 },
        { state: 'TR', _from: 2, _gone: 0 },
        { state: 'TR', _from: 3, _gone: 0 },
      ]);
    });
  });

  describe('table shapes', () => {
    it('a table without a primary key is versioned by rowid, duplicate rows included', () => {
      // Given a table without a declared key, holding two identical rows of which one is deleted,
      // and a deleted last row whose rowid the next insert takes again
      const l = live(`CREATE TABLE IF NOT EXISTS tag (label TEXT, n INTEGER)`, ['tag']);
      l.write(step("INSERT INTO tag VALUES ('x', 1), ('x', 1), ('y', 2)"));
      l.write(step("DELETE FROM tag WHERE rowid = (SELECT MAX(rowid) FROM tag WHERE label = 'x')"));
      l.write(step("UPDATE tag SET n = 20 WHERE label = 'y'"));
      l.write(step("DELETE FROM tag WHERE label = 'y'"), step("INSERT INTO tag VALUES ('z', 3)"));
      l.write(step("INSERT OR REPLACE INTO tag VALUES ('x', 1)"));
      // Then
      l.expectViewsEqualRebuilds();
      expect(viewsAt(l.file, l.projection, 2).tag).toEqual([
        { label: 'x', n: 1n },
        { label: 'y', n: 2n },
      ]);
      // The rowid freed by the deletion at 2 went to the row inserted at 4, the one freed at 4 to 5
      expect(l.versions('tag', '_rowid, label', '_rowid >= 2')).toEqual([
        { _rowid: 2, label: 'x', _from: 1, _gone: 0 },
        { _rowid: 3, label: 'y', _from: 1, _gone: 0 },
        { _rowid: 2, label: null, _from: 2, _gone: 1 },
        { _rowid: 3, label: 'y', _from: 3, _gone: 0 },
        { _rowid: 2, label: 'z', _from: 4, _gone: 0 },
        { _rowid: 3, label: null, _from: 4, _gone: 1 },
        { _rowid: 3, label: 'x', _from: 5, _gone: 0 },
      ]);
    });

    it('a table with a composite primary key (WITHOUT ROWID) is versioned by the whole key', () => {
      const l = live(
        `CREATE TABLE IF NOT EXISTS seat (
          room TEXT NOT NULL, num INTEGER NOT NULL, holder TEXT, PRIMARY KEY (room, num)) WITHOUT ROWID`,
        ['seat'],
      );
      l.write(step("INSERT INTO seat VALUES ('A', 1, 'AZ'), ('A', 2, 'KZ'), ('B', 1, 'TR')"));
      l.write(step("UPDATE seat SET holder = 'UZ' WHERE room = 'A' AND num = 1"));
      l.write(step("UPDATE seat SET num = 3 WHERE room = 'A' AND num = 2"));
      l.write(step("UPDATE seat SET room = 'C' WHERE room = 'B'"), step('DELETE FROM seat WHERE num = 3'));
      l.write(step("INSERT OR REPLACE INTO seat VALUES ('A', 1, 'KG')"));
      l.expectViewsEqualRebuilds();
      expect(viewsAt(l.file, l.projection, 3).seat).toEqual([
        { room: 'A', num: 1n, holder: 'UZ' },
        { room: 'A', num: 3n, holder: 'KZ' },
        { room: 'B', num: 1n, holder: 'TR' },
      ]);
    });

    it('a table with an index on an expression is versioned, and its column indexes are kept for the views', () => {
      const l = live(
        `CREATE TABLE IF NOT EXISTS person (id INTEGER PRIMARY KEY, name TEXT NOT NULL, city TEXT);
         CREATE INDEX IF NOT EXISTS person_lower_name ON person (lower(name));
         CREATE INDEX IF NOT EXISTS person_city ON person (city) WHERE city IS NOT NULL;
         CREATE UNIQUE INDEX IF NOT EXISTS person_name_city ON person (name, city)`,
        ['person'],
      );
      l.write(step("INSERT INTO person VALUES (1, 'Aliya', 'Astana'), (2, 'Bek', NULL)"));
      l.write(
        step("UPDATE person SET name = 'ALIYA' WHERE id = 1"),
        step("INSERT INTO person VALUES (3, 'Cem', 'Baku')"),
      );
      l.write(
        step("INSERT OR REPLACE INTO person VALUES (4, 'Cem', 'Baku')"),
        step('DELETE FROM person WHERE id = 2'),
      );
      l.expectViewsEqualRebuilds();
      const indexed = l.db
        .prepare(
          `SELECT il.name AS name, group_concat(ii.name, ',') AS columns
           FROM pragma_index_list('person__history') AS il, pragma_index_info(il.name) AS ii
           WHERE il.origin = 'c' GROUP BY il.name ORDER BY columns`,
        )
        .all();
      expect(indexed.map((i) => (i as { columns: string }).columns)).toEqual([
        'city,_from',
        'name,city,_from',
      ]);
    });
  });

  it('keeps NULLs, reals, big integers, texts and blobs exactly, storage type included', () => {
    // Given values of every storage type, in typed and untyped columns, some written over with NULL
    const l = live(
      `CREATE TABLE IF NOT EXISTS sample (
        id INTEGER PRIMARY KEY, anything, real_value REAL, blob_value BLOB, text_value TEXT)`,
      ['sample'],
    );
    const row = (id: number, anything: unknown, real: unknown, blob: unknown, text: unknown) =>
      step('INSERT OR REPLACE INTO sample VALUES (?, ?, ?, ?, ?)', id, anything, real, blob, text);
    l.write(
      row(1, null, null, null, null),
      row(2, 1.5, 1, Buffer.from([0, 255, 1]), ''),
      row(3, 9007199254740993n, -0.25, Buffer.alloc(0), 'τεξτ'),
      row(4, Buffer.from('blob'), 2 ** -1074, Buffer.from([7]), '1'),
      row(5, '12', Number.MAX_VALUE, null, 'x'.repeat(3000)),
    );
    l.write(
      step('UPDATE sample SET anything = NULL, real_value = NULL, blob_value = NULL WHERE id IN (2, 4)'),
    );
    l.write(step("UPDATE sample SET anything = 1.0, text_value = NULL, blob_value = X'00' WHERE id = 1"));
    // Then the views show the very values, as a rebuild does
    l.expectViewsEqualRebuilds();
    const types = (position: number) => {
      const reader = readOnly(l.file);
      try {
        asOfViews(reader, [l.projection], position);
        return reader
          .prepare(
            `SELECT id, typeof(anything) AS a, typeof(real_value) AS r, typeof(blob_value) AS b, typeof(text_value) AS t
             FROM sample ORDER BY id`,
          )
          .raw(true)
          .all();
      } finally {
        reader.close();
      }
    };
    expect(types(1)).toEqual([
      [1, 'null', 'null', 'null', 'null'],
      [2, 'real', 'real', 'blob', 'text'],
      [3, 'integer', 'real', 'blob', 'text'],
      [4, 'blob', 'real', 'blob', 'text'],
      [5, 'text', 'real', 'null', 'text'],
    ]);
    expect(types(3)[0]).toEqual([1, 'real', 'null', 'blob', 'null']);
    expect(viewsAt(l.file, l.projection, 1).sample[2]).toEqual({
      id: 3n,
      anything: 9007199254740993n,
      real_value: -0.25,
      blob_value: Buffer.alloc(0),
      text_value: 'τεξτ',
    });
  });

  describe('through the projection runner', () => {
    async function openStore(): Promise<SqliteEventStore> {
      const store = await SqliteEventStore.open(join(dir, 'events.sqlite'));
      cleanup.push(() => store.close());
      return store;
    }

    function openFile(file: string): Database.Database {
      const db = openReadModelDb(file);
      cleanup.push(() => {
        if (db.open) db.close();
      });
      return db;
    }

    async function run(runner: ProjectionRunner, store: SqliteEventStore): Promise<void> {
      runner.start();
      const head = (await store.head()).position;
      if (!(await runner.waitFor(head, 5000))) throw new Error(`the runner did not reach ${head}`);
      await runner.stop();
    }

    const LEDGER = `CREATE TABLE IF NOT EXISTS entry (id TEXT PRIMARY KEY, amount INTEGER NOT NULL)`;
    const write = (store: SqliteEventStore, ...steps: SqlStep[]) =>
      store.append('ledger-1', [newEvent(SQL_EVENT, { steps })]);

    it('history begun on tables that already had rows covers the read models from that checkpoint on, not before', async () => {
      // Given read models built up to C without history
      const store = await openStore();
      const file = join(dir, 'read-models.sqlite');
      const db = openFile(file);
      const ledger = sqlProjection('ledger', LEDGER, ['entry']);
      await write(store, step("INSERT INTO entry VALUES ('a', 1), ('b', 2)"));
      await write(
        store,
        step("UPDATE entry SET amount = 3 WHERE id = 'a'"),
        step("INSERT INTO entry VALUES ('c', 5)"),
      );
      await write(store, step("DELETE FROM entry WHERE id = 'b'"));
      await run(new ProjectionRunner(store, db, [ledger], { rowHistory: false }), store);
      const c = (await store.head()).position;
      expect(coversAt(file, ledger, c)).toBe(false);
      // When the runner starts again with history, and more events follow
      await write(
        store,
        step("UPDATE entry SET amount = 30 WHERE id = 'c'"),
        step("INSERT INTO entry VALUES ('b', 9)"),
      );
      await write(store, step("DELETE FROM entry WHERE id = 'a'"));
      await run(new ProjectionRunner(store, db, [ledger]), store);
      // Then history covers C and after, not before; the views at C show the rows built before
      const log = await store.readAll();
      for (let position = 0; position < c; position++) expect(coversAt(file, ledger, position)).toBe(false);
      expect(viewsAt(file, ledger, c)).toEqual(rebuilt(ledger, log, c));
      expect(viewsAt(file, ledger, c).entry).toEqual([
        { id: 'a', amount: 3n },
        { id: 'c', amount: 5n },
      ]);
      expectViewsEqualRebuilds(file, ledger, log, c);
      expect(db.prepare("SELECT since FROM row_history WHERE tbl = 'entry'").get()).toEqual({ since: c });
    });

    it('history turned off is dropped, and turned on again starts from the checkpoint of the day', async () => {
      // Given read models that kept their history
      const store = await openStore();
      const file = join(dir, 'read-models.sqlite');
      const db = openFile(file);
      const ledger = sqlProjection('ledger', LEDGER, ['entry']);
      await write(store, step("INSERT INTO entry VALUES ('a', 1)"));
      await run(new ProjectionRunner(store, db, [ledger]), store);
      expect(coversAt(file, ledger, 1)).toBe(true);
      // When the runner starts with history off and more events follow
      await write(store, step("UPDATE entry SET amount = 2 WHERE id = 'a'"));
      await run(new ProjectionRunner(store, db, [ledger], { rowHistory: false }), store);
      // Then the triggers, the history table and its record are gone, and the writes went on
      const objects = () =>
        db.prepare("SELECT type, name FROM sqlite_master WHERE name LIKE 'entry\\_\\_%' ESCAPE '\\'").all();
      expect(objects()).toEqual([]);
      expect(db.prepare('SELECT tbl FROM row_history').all()).toEqual([]);
      expect(db.prepare('SELECT amount FROM entry').all()).toEqual([{ amount: 2 }]);
      expect(coversAt(file, ledger, 2)).toBe(false);
      // When it is turned on again: history from the checkpoint it had reached (2), not before
      await write(store, step("UPDATE entry SET amount = 3 WHERE id = 'a'"));
      await run(new ProjectionRunner(store, db, [ledger]), store);
      expect([coversAt(file, ledger, 1), coversAt(file, ledger, 2), coversAt(file, ledger, 3)]).toEqual([
        false,
        true,
        true,
      ]);
      expectViewsEqualRebuilds(file, ledger, await store.readAll(), 2);
    });

    it('a projection rebuilt from zero (its tables dropped and created again) starts a fresh history from 0', async () => {
      // Given a projection with a bug (amounts written doubled), its history kept as it ran
      const store = await openStore();
      const file = join(dir, 'read-models.sqlite');
      const db = openFile(file);
      const ledger = scaledLedger(2);
      await write(store, step("INSERT INTO entry VALUES ('a', ?), ('b', ?)", 1, 2));
      await write(store, step("UPDATE entry SET amount = ? WHERE id = 'a'", 3));
      await write(
        store,
        step("DELETE FROM entry WHERE id = 'b'"),
        step("INSERT INTO entry VALUES ('c', ?)", 4),
      );
      const runner = new ProjectionRunner(store, db, [ledger]);
      await run(runner, store);
      expect(viewsAt(file, ledger, 1).entry).toEqual([
        { id: 'a', amount: 2n },
        { id: 'b', amount: 4n },
      ]);
      // When the bug is fixed and the projection rebuilt in place
      ledger.scale = 1;
      await runner.rebuild();
      const head = (await store.head()).position;
      expect(await runner.waitFor(head, 5000)).toBe(true);
      await runner.stop();
      // Then no version of the buggy run is left: the views at every position equal the fixed rebuild
      const log = await store.readAll();
      expectViewsEqualRebuilds(file, ledger, log);
      expect(viewsAt(file, ledger, 1).entry).toEqual([
        { id: 'a', amount: 1n },
        { id: 'b', amount: 2n },
      ]);
      expect(
        db.prepare('SELECT id, amount, _from, _gone FROM entry__history ORDER BY id, _from').raw(true).all(),
      ).toEqual([
        ['a', 1, 1, 0],
        ['a', 3, 2, 0],
        ['b', 2, 1, 0],
        ['b', null, 3, 1],
        ['c', 4, 3, 0],
      ]);
      expect(db.prepare("SELECT since FROM row_history WHERE tbl = 'entry'").get()).toEqual({ since: 0 });
    });
  });

  it('a connection that writes a versioned table without telling its position fails, writing nothing', () => {
    // Given a live file with history, and another connection that never called setRowPosition
    const l = live(`CREATE TABLE IF NOT EXISTS item (id TEXT PRIMARY KEY, qty INTEGER)`, ['item']);
    l.write(step("INSERT INTO item VALUES ('a', 1)"));
    const other = new Database(l.file);
    try {
      // When it writes, Then the write fails rather than record a version at a wrong position
      expect(() => other.exec("INSERT INTO item VALUES ('b', 2)")).toThrow(
        /no such function: kurultai_row_position/,
      );
      expect(() => other.exec("UPDATE item SET qty = 5 WHERE id = 'a'")).toThrow(/no such function/);
      expect(() => other.exec('DELETE FROM item')).toThrow(/no such function/);
      expect(other.prepare('SELECT * FROM item').all()).toEqual([{ id: 'a', qty: 1 }]);
      expect(other.prepare('SELECT id, _from FROM item__history').all()).toEqual([{ id: 'a', _from: 1 }]);
    } finally {
      other.close();
    }
  });

  it('dropping the history triggers in a transaction that is rolled back leaves them in place', () => {
    const l = live(`CREATE TABLE IF NOT EXISTS item (id TEXT PRIMARY KEY, qty INTEGER)`, ['item']);
    const triggers = () =>
      l.db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").pluck().all();
    const before = triggers();
    expect(before).toHaveLength(4);
    // When a transaction drops them, then rolls back
    expect(() =>
      l.db.transaction(() => {
        dropRowHistoryTriggers(l.db);
        expect(triggers()).toEqual([]);
        throw new Error('never committed');
      })(),
    ).toThrow('never committed');
    // Then they are all there and keep the history
    expect(triggers()).toEqual(before);
    l.write(step("INSERT INTO item VALUES ('a', 1)"));
    l.write(step("UPDATE item SET qty = 2 WHERE id = 'a'"));
    l.expectViewsEqualRebuilds();
    expect(l.versions('item', 'qty')).toHaveLength(2);
  });

  // Each of these once showed a view that differed from the rebuild.
  describe('keys and columns SQLite treats specially', () => {
    it('a key changed only in letter case (COLLATE NOCASE key) is the new spelling alone', () => {
      // Given a key compared without case, whose spelling an UPDATE changes
      const l = live(`CREATE TABLE IF NOT EXISTS code (k TEXT PRIMARY KEY COLLATE NOCASE, v INTEGER)`, [
        'code',
      ]);
      l.write(step("INSERT INTO code VALUES ('az', 1)"));
      l.write(step("UPDATE code SET k = 'AZ' WHERE k = 'az'"));
      // Then the view at 2 shows the row once, as 'AZ' (the table holds one row): the "key changed"
      // test compares byte for byte, as the history does, not with the column's NOCASE collation
      expect(viewsAt(l.file, l.projection, 2).code).toEqual([{ k: 'AZ', v: 1n }]);
      l.expectViewsEqualRebuilds();
    });

    it('generated columns, virtual and stored, are in the views', () => {
      // Given a table with generated columns (pragma table_info does not list them)
      const l = live(
        `CREATE TABLE IF NOT EXISTS line (
          id TEXT PRIMARY KEY, qty INTEGER NOT NULL, price INTEGER NOT NULL,
          total INTEGER GENERATED ALWAYS AS (qty * price) VIRTUAL,
          doubled INTEGER GENERATED ALWAYS AS (qty * 2) STORED)`,
        ['line'],
      );
      l.write(step("INSERT INTO line (id, qty, price) VALUES ('a', 2, 5)"));
      // Then the views show them, as the table does (pragma table_xinfo lists them)
      expect(viewsAt(l.file, l.projection, 1).line).toEqual([
        { id: 'a', qty: 2n, price: 5n, total: 10n, doubled: 4n },
      ]);
      l.expectViewsEqualRebuilds();
    });
  });

  describe('any sequence of writes (property)', () => {
    const SCHEMA = `
      CREATE TABLE IF NOT EXISTS kv (k TEXT PRIMARY KEY, u TEXT UNIQUE, v);
      CREATE TABLE IF NOT EXISTS bag (x INTEGER, y)`;
    const key = fc.constantFrom('a', 'b', 'c', 'd');
    const unique = fc.constantFrom('p', 'q', 'r', null);
    const value = fc.oneof(
      fc.integer({ min: -3, max: 3 }),
      fc.double({ noNaN: true }),
      fc.string({ maxLength: 3 }),
      fc.constant(null),
      fc.uint8Array({ maxLength: 3 }).map((bytes) => Buffer.from(bytes)),
    );
    const operation: fc.Arbitrary<SqlStep> = fc.oneof(
      fc
        .tuple(key, unique, value)
        .map(([k, u, v]) => step('INSERT OR IGNORE INTO kv VALUES (?, ?, ?)', k, u, v)),
      fc
        .tuple(key, unique, value)
        .map(([k, u, v]) => step('INSERT OR REPLACE INTO kv VALUES (?, ?, ?)', k, u, v)),
      fc
        .tuple(key, unique, value)
        .map(([k, u, v]) =>
          step(
            'INSERT INTO kv VALUES (?, ?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v ON CONFLICT DO NOTHING',
            k,
            u,
            v,
          ),
        ),
      fc.tuple(key, value).map(([k, v]) => step('UPDATE kv SET v = ? WHERE k = ?', v, k)),
      fc.tuple(key, unique).map(([k, u]) => step('UPDATE OR REPLACE kv SET u = ? WHERE k = ?', u, k)),
      fc.tuple(key, key).map(([from, to]) => step('UPDATE OR REPLACE kv SET k = ? WHERE k = ?', to, from)),
      key.map((k) => step('DELETE FROM kv WHERE k = ?', k)),
      fc
        .tuple(fc.integer({ min: 0, max: 2 }), value)
        .map(([x, y]) => step('INSERT INTO bag VALUES (?, ?)', x, y)),
      fc
        .tuple(fc.integer({ min: 0, max: 2 }), value)
        .map(([x, y]) => step('UPDATE bag SET y = ? WHERE x = ?', y, x)),
      fc.integer({ min: 0, max: 2 }).map((x) => step('DELETE FROM bag WHERE x = ?', x)),
    );

    it('show at every position exactly what a rebuild from zero up to there shows', () => {
      fc.assert(
        fc.property(
          fc.array(fc.array(operation, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
          (events) => {
            const l = live(SCHEMA, ['kv', 'bag']);
            try {
              for (const steps of events) l.write(...steps);
              l.expectViewsEqualRebuilds();
            } finally {
              l.db.close();
            }
          },
        ),
        { numRuns: 40 },
      );
    });
  });
});

interface ScaledLedger extends SqlProjection {
  /** Changeable, so that a test can "fix the bug" and rebuild. */
  scale: number;
}

/** The SQL projection, but every number its statements bind is multiplied by `scale`. */
function scaledLedger(scale: number): ScaledLedger {
  const inner = sqlProjection(
    'ledger',
    `CREATE TABLE IF NOT EXISTS entry (id TEXT PRIMARY KEY, amount INTEGER NOT NULL)`,
    ['entry'],
  );
  const ledger: ScaledLedger = {
    ...inner,
    scale,
    apply(db, event) {
      const steps = (event.data as { steps: SqlStep[] }).steps.map((s) => ({
        sql: s.sql,
        params: (s.params ?? []).map((p) => (typeof p === 'number' ? p * ledger.scale : p)),
      }));
      inner.apply(db, { ...event, data: { steps } });
    },
  };
  return ledger;
}
