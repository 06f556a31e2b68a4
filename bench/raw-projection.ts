import Database from 'better-sqlite3';

type Row = [position: number, type: string, data: string, metadata: string];
interface ParsedRow {
  readonly position: number;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: Record<string, unknown>;
}

const TABLES = `
  CREATE TABLE plan (plan_id TEXT PRIMARY KEY, series_id TEXT, year INTEGER, title TEXT, status TEXT,
    adopted_on TEXT, decision TEXT, adopting_states TEXT, amendments TEXT DEFAULT '[]', closed_on TEXT,
    closing_reason TEXT, visibility TEXT, drafted_at TEXT, last_position INTEGER);
  CREATE TABLE plan_activity (plan_id TEXT, activity_id TEXT, seq INTEGER, kind TEXT, title TEXT, lead_state TEXT,
    lead_institution_id TEXT, participating_states TEXT, planned_start TEXT, planned_end TEXT, status TEXT,
    progress INTEGER, last_position INTEGER, PRIMARY KEY (plan_id, activity_id));`;

/** The statements of the plan-implementation projection (version 2), on the plain tables: keep them alike. */
const SQL = {
  draft: `INSERT INTO plan (plan_id, series_id, year, title, status, visibility, drafted_at, last_position)
    VALUES (?, ?, ?, ?, 'drafted', ?, ?, ?)`,
  addActivity: `INSERT INTO plan_activity (plan_id, activity_id, seq, kind, title, lead_state, lead_institution_id,
      participating_states, planned_start, planned_end, status, progress, last_position)
    VALUES (?, ?, (SELECT COALESCE(MAX(seq) + 1, 0) FROM plan_activity WHERE plan_id = ?), ?, ?, ?, ?, ?, ?, ?,
      'planned', 0, ?)`,
  touch: 'UPDATE plan SET last_position = ? WHERE plan_id = ?',
  adopt: `UPDATE plan SET status = 'adopted', adopted_on = ?, decision = ?, adopting_states = ?, last_position = ?
    WHERE plan_id = ?`,
};

/**
 * The baseline of a projection rebuild: scans the store's events table with `.iterate()`,
 * parses each row's data and metadata, and writes the same rows as the plan-implementation
 * read model (same statements, plain tables) in transactions of `batchSize` events.
 */
export function rawRebuild(eventsFile: string, targetFile: string, batchSize: number): number {
  const source = new Database(eventsFile, { readonly: true });
  const target = new Database(targetFile);
  try {
    target.pragma('journal_mode = WAL');
    target.pragma('synchronous = NORMAL');
    target.exec(TABLES);
    const apply = target.transaction(applier(target));
    const scan = source.prepare<[], Row>(
      'SELECT position, type, data, metadata FROM events ORDER BY position',
    );
    let batch: ParsedRow[] = [];
    let count = 0;
    for (const [position, type, data, metadata] of scan.raw(true).iterate()) {
      batch.push({ position, type, data: JSON.parse(data), metadata: JSON.parse(metadata) });
      if (batch.length === batchSize) {
        apply(batch);
        count += batch.length;
        batch = [];
      }
    }
    apply(batch);
    return count + batch.length;
  } finally {
    source.close();
    target.close();
  }
}

function applier(db: Database.Database): (rows: readonly ParsedRow[]) => void {
  const draft = db.prepare(SQL.draft);
  const addActivity = db.prepare(SQL.addActivity);
  const touch = db.prepare(SQL.touch);
  const adopt = db.prepare(SQL.adopt);
  const json = JSON.stringify;
  return (rows) => {
    for (const { position, type, data: d, metadata: m } of rows) {
      if (type === 'PlanDrafted') {
        draft.run(d.planId, d.seriesId, d.year, json(d.title), m.visibility, m.occurredAt, position);
      } else if (type === 'ActivityAddedToPlan') {
        addActivity.run(
          d.planId,
          d.activityId,
          d.planId,
          d.kind,
          json(d.title),
          d.leadState,
          d.leadInstitutionId ?? null,
          json(d.participatingStates),
          d.plannedStart ?? null,
          d.plannedEnd ?? null,
          position,
        );
        touch.run(position, d.planId);
      } else if (type === 'PlanAdopted') {
        adopt.run(d.adoptedOn, json(d.decision), json(d.adoptingStates), position, d.planId);
      }
    }
  };
}

/** Rows of the two read-model tables, by their names in `file`. */
export function countRows(file: string, tables: readonly [string, string]): [number, number] {
  const db = new Database(file, { readonly: true });
  try {
    const count = (table: string) =>
      (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    return [count(tables[0]), count(tables[1])];
  } finally {
    db.close();
  }
}
