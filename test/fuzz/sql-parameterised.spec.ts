import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sourceFiles, sqlInterpolations, type SqlInterpolation } from './sql-source.js';

const ROOT = join(__dirname, '..', '..');

/**
 * The audited interpolations: each puts an identifier or a fixed fragment of the source into SQL,
 * never a value from a request (values are always bound parameters). Anything else fails below.
 */
const AUDITED: readonly { file: string; expression: string; why: string }[] = [
  { file: 'apps/cli/src/commands/stats.ts', expression: 'column', why: "typed 'category' | 'type'" },
  {
    file: 'libs/event-store/src/sqlite/log-range-query.ts',
    expression: 'where',
    why: 'RANGE and inList() fragments',
  },
  {
    file: 'libs/event-store/src/sqlite/log-range-query.ts',
    expression: 'column',
    why: "typed 'type' | 'category', or the literal 'category'",
  },
  {
    file: 'libs/event-store/src/sqlite/log-range-query.ts',
    expression: 'index',
    why: 'a loop counter naming @v0, @v1, ...',
  },
  {
    file: 'libs/event-store/src/sqlite/log-range-query.ts',
    expression: 'other',
    why: "'' or an inList() fragment",
  },
  {
    file: 'libs/event-store/src/sqlite/log-range-query.ts',
    expression: "branches.join(' UNION ALL ')",
    why: 'the seek fragments above',
  },
  {
    file: 'libs/event-store/src/sqlite/log-range-query.ts',
    expression: 'param',
    why: "the literal parameter name 'other'",
  },
  {
    file: 'libs/event-store/src/sqlite/schema.ts',
    expression: 'settings.busyTimeoutMs',
    why: 'a number from the store options (pragmas take no parameters)',
  },
  {
    file: 'libs/event-store/src/sqlite/schema.ts',
    expression: 'settings.synchronous.toUpperCase()',
    why: "typed 'normal' | 'full'",
  },
  {
    file: 'libs/eventsourcing/src/projections/read-model-files.ts',
    expression: `table.name.replace(/"/g, '""')`,
    why: 'a table name read from sqlite_master, quoted',
  },
  {
    file: 'libs/eventsourcing/src/projections/read-model-files.ts',
    expression: 'marks',
    why: "'?, ?, ...' for the column count",
  },
  {
    file: 'libs/eventsourcing/src/visibility.ts',
    expression: 'a',
    why: 'the table alias a query passes as a literal',
  },
  {
    file: 'libs/read-models/src/decisions/decision-record.ts',
    expression: 'column',
    why: 'a value of the CORRECTABLE column map',
  },
  { file: 'libs/read-models/src/decisions/decisions.schema.ts', expression: 't', why: 'the TABLES constant' },
  {
    file: 'libs/read-models/src/participation/participation.schema.ts',
    expression: 't',
    why: 'the TABLES constant',
  },
  {
    file: 'libs/read-models/src/protocols/protocols.query.ts',
    expression: 'ORDER[sort]',
    why: 'a value of the ORDER map; sort is a validated enum',
  },
  {
    file: 'libs/read-models/src/shared/row-visibility.ts',
    expression: 'table',
    why: "the projection's own table names",
  },
  {
    file: 'libs/read-models/src/shared/row-visibility.ts',
    expression: 'touchedAt',
    why: "the projection's own column names",
  },
  {
    file: 'libs/read-models/src/shared/row-visibility.ts',
    expression: 'i',
    why: "the index of a table in the projection's own list",
  },
  {
    file: 'libs/read-models/src/shared/row-visibility.ts',
    expression: 'merged(table)',
    why: 'a fixed fragment over a table name; the states are the @states parameter',
  },
  {
    file: 'libs/read-models/src/shared/row-visibility.ts',
    expression: 'gains(table)',
    why: 'a fixed fragment over a table name; the states are the @states parameter',
  },
  {
    file: 'libs/read-models/src/strategic-documents/strategic-documents.query.ts',
    expression: 'kind',
    why: "citedBy('decision' | 'briefing')",
  },
  {
    file: 'libs/read-models/src/strategic-documents/strategic-documents.query.ts',
    expression: "citedBy('decision')",
    why: 'a fixed fragment',
  },
  {
    file: 'libs/read-models/src/strategic-documents/strategic-documents.query.ts',
    expression: "citedBy('briefing')",
    why: 'a fixed fragment',
  },
  // Row history: SQL over read-model tables, built from names read from the schema itself
  // (sqlite_master, pragma_table_info, pragma_index_info), every one through quote(); the view's
  // position is checked to be a non-negative safe integer first.
  ...[
    'quote(table)',
    'quote(name)',
    'quote(`${table}${SUFFIX}_${i + 1}`)',
    "quote(triggerName(table, 'ins'))",
    "quote(triggerName(table, 'upd'))",
    "quote(triggerName(table, 'set'))",
    "quote(triggerName(table, 'del'))",
    'history',
    'key',
    'names',
    'select',
    'same',
    'rowidColumn',
    "columns.map(quote).join(', ')",
    "shape.columns.map(quote).join(', ')",
    "shape.columns.map((c) => `h.${quote(c)}`).join(', ')",
    'keyChanged',
    'keyOf(row)',
    'values(row)',
    'sameVersion(row)',
    "version('NEW')",
    "gone('OLD')",
    'position',
    'quote(ledgerPosition)',
    'quote(position)',
    'quote(table + SUFFIX)',
    'quote(triggerName(table, what))',
    "refuse('a row of another event')",
    "refuse('rows are never changed')",
    "refuse('rows are never removed')",
    // The declared types, stripped to letters, digits, spaces, parentheses and commas.
    "shape.columns.map((c, i) => `${quote(c)} ${shape.types[i]}`).join(', ')",
    // A table name in an SQL string literal (the ledger's error message), its quotes doubled.
    `table.replace(/'/g, "''")`,
    // A fixed message of the ledger's triggers.
    'what',
  ].map((expression) => ({
    file: 'libs/eventsourcing/src/projections/history/row-history.ts',
    expression,
    why: 'quoted identifiers read from the schema, or fragments made of them and of the position function',
  })),
  {
    file: 'libs/eventsourcing/src/projections/history/row-history.ts',
    expression: 'at',
    why: 'a log position, checked to be a non-negative safe integer',
  },
];

/** visibleSql() returns fixed SQL with named parameters; its only argument is a literal alias. */
const VISIBILITY_FRAGMENT = /^visibleSql\((['"][a-z_]+['"])?\)$/;

const audited = (found: SqlInterpolation) =>
  VISIBILITY_FRAGMENT.test(found.expression) ||
  AUDITED.some((entry) => entry.file === found.file && entry.expression === found.expression);

describe('SQL is always parameterised', () => {
  it('given the source of libs/ and apps/ (tests aside), no SQL is built from anything but audited identifiers', () => {
    const files = sourceFiles(ROOT, ['libs', 'apps']);
    expect(files.length).toBeGreaterThan(100);
    const unaudited = files
      .flatMap((file) => sqlInterpolations(ROOT, file))
      .filter((found) => !audited(found))
      .map((found) => `${found.file}:${found.line} interpolates ${found.expression} into ${found.sql}`);
    expect(unaudited).toEqual([]);
  });

  it('given SQL built from a value, by template or by +, finds it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kurultai-sql-'));
    try {
      const file = join(dir, 'bad.ts');
      writeFileSync(
        file,
        [
          "const TABLE = 'rm_plan';",
          "export const a = (db: any, id: string) => db.prepare(`SELECT * FROM ${TABLE} WHERE plan_id = '${id}'`);",
          "export const b = (name: string) => 'SELECT * FROM rm_plan WHERE title = ' + name;",
          'export const c = (db: any, level: string) => db.pragma(`synchronous = ${level}`);',
          'export const d = (id: string) => `the plan ${id} was not found`;',
        ].join('\n'),
      );
      expect(sqlInterpolations(dir, file).map((f) => [f.line, f.expression])).toEqual([
        [2, 'id'],
        [3, 'name'],
        [4, 'level'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
