import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '#event-store';
import { statementsFor, type Projection } from '#eventsourcing';
import type { ActivityAddedData, PlanAdoptedData, PlanDraftedData } from './plan-events.js';

const statements = statementsFor((db: Database) => ({
  draft: db.prepare(
    `INSERT INTO rm_plan (plan_id, series_id, year, title, status, visibility, drafted_at, last_position)
     VALUES (?, ?, ?, ?, 'drafted', ?, ?, ?)`,
  ),
  addActivity: db.prepare(
    `INSERT INTO rm_plan_activity (plan_id, activity_id, seq, kind, title, lead_state, lead_institution_id,
       participating_states, planned_start, planned_end, status, progress, last_position)
     VALUES (?, ?, (SELECT COUNT(*) FROM rm_plan_activity WHERE plan_id = ?), ?, ?, ?, ?, ?, ?, ?, 'planned', 0, ?)`,
  ),
  touch: db.prepare('UPDATE rm_plan SET last_position = ? WHERE plan_id = ?'),
  adopt: db.prepare(
    `UPDATE rm_plan SET status = 'adopted', adopted_on = ?, decision = ?, adopting_states = ?, last_position = ?
     WHERE plan_id = ?`,
  ),
}));

/** Plans and their activities, one row each, with the position of the last event that touched the row. */
export const planImplementationProjection: Projection = {
  name: 'plan-implementation',
  version: 1,
  eventTypes: ['PlanDrafted', 'ActivityAddedToPlan', 'PlanAdopted'],

  setup(db: Database): void {
    db.exec(`
      CREATE TABLE IF NOT EXISTS rm_plan (
        plan_id TEXT PRIMARY KEY,
        series_id TEXT NOT NULL,
        year INTEGER NOT NULL,
        title TEXT NOT NULL,
        status TEXT NOT NULL,
        adopted_on TEXT,
        decision TEXT,
        adopting_states TEXT,
        visibility TEXT NOT NULL,
        drafted_at TEXT NOT NULL,
        last_position INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX IF NOT EXISTS rm_plan_series_year ON rm_plan (series_id, year);
      CREATE TABLE IF NOT EXISTS rm_plan_activity (
        plan_id TEXT NOT NULL,
        activity_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        lead_state TEXT NOT NULL,
        lead_institution_id TEXT,
        participating_states TEXT NOT NULL,
        planned_start TEXT,
        planned_end TEXT,
        status TEXT NOT NULL,
        progress INTEGER NOT NULL,
        last_position INTEGER NOT NULL,
        PRIMARY KEY (plan_id, activity_id)
      ) STRICT;`);
  },

  reset(db: Database): void {
    statements.forget(db);
    db.exec('DROP TABLE IF EXISTS rm_plan_activity; DROP TABLE IF EXISTS rm_plan;');
  },

  apply(db: Database, event: RecordedEvent): void {
    const s = statements(db);
    switch (event.type) {
      case 'PlanDrafted': {
        const d = event.data as unknown as PlanDraftedData;
        const { visibility, occurredAt } = event.metadata;
        s.draft.run(
          d.planId,
          d.seriesId,
          d.year,
          JSON.stringify(d.title),
          visibility,
          occurredAt,
          event.position,
        );
        return;
      }
      case 'ActivityAddedToPlan': {
        const d = event.data as unknown as ActivityAddedData;
        s.addActivity.run(
          d.planId,
          d.activityId,
          d.planId,
          d.kind,
          JSON.stringify(d.title),
          d.leadState,
          d.leadInstitutionId ?? null,
          JSON.stringify(d.participatingStates),
          d.plannedStart ?? null,
          d.plannedEnd ?? null,
          event.position,
        );
        s.touch.run(event.position, d.planId);
        return;
      }
      case 'PlanAdopted': {
        const d = event.data as unknown as PlanAdoptedData;
        const decision = JSON.stringify(d.decision);
        s.adopt.run(d.adoptedOn, decision, JSON.stringify(d.adoptingStates), event.position, d.planId);
        return;
      }
    }
  },
};
