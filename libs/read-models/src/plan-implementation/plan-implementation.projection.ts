import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '#event-store';
import { statementsFor, type Projection } from '#eventsourcing';
import type {
  ActivityAddedData,
  PlanAdoptedData,
  PlanAmendedData,
  PlanClosedData,
  PlanDraftedData,
} from './plan-events.js';
import {
  ACTIVITY_EVENT_TYPES,
  applyActivityEvent,
  forgetActivityStatements,
  planActivityOf,
} from './activity-progress.js';
import { createPlanTables, dropPlanTables } from './plan-implementation.schema.js';
import { withRowVisibility, type ItemTable } from '../shared/row-visibility.js';

const PLAN_ITEM_TABLES: readonly ItemTable[] = [
  { table: 'rm_plan', touchedAt: 'last_position', ignores: ['ActivityAddedToPlan'] },
  { table: 'rm_plan_activity', touchedAt: 'last_position' },
];

const statements = statementsFor((db: Database) => ({
  draft: db.prepare(
    `INSERT INTO rm_plan (plan_id, series_id, year, title, status, visibility, drafted_at, last_position)
     VALUES (?, ?, ?, ?, 'drafted', ?, ?, ?)`,
  ),
  // After the activities an amendment removed, seq goes on from the highest one left.
  addActivity: db.prepare(
    `INSERT INTO rm_plan_activity (plan_id, activity_id, seq, kind, title, lead_state, lead_institution_id,
       participating_states, planned_start, planned_end, status, progress, last_position)
     VALUES (@planId, @activityId, (SELECT COALESCE(MAX(seq) + 1, 0) FROM rm_plan_activity WHERE plan_id = @planId),
       @kind, @title, @leadState, @leadInstitutionId, @participatingStates, @plannedStart, @plannedEnd,
       'planned', 0, @position)`,
  ),
  removeActivity: db.prepare('DELETE FROM rm_plan_activity WHERE plan_id = ? AND activity_id = ?'),
  touch: db.prepare('UPDATE rm_plan SET last_position = ? WHERE plan_id = ?'),
  adopt: db.prepare(
    `UPDATE rm_plan SET status = 'adopted', adopted_on = ?, decision = ?, adopting_states = ?, last_position = ?
     WHERE plan_id = ?`,
  ),
  amend: db.prepare(
    `UPDATE rm_plan SET title = COALESCE(?, title), amendments = json_insert(amendments, '$[#]', json(?)),
       last_position = ? WHERE plan_id = ?`,
  ),
  close: db.prepare(
    `UPDATE rm_plan SET status = 'closed', closed_on = ?, closing_reason = ?, last_position = ? WHERE plan_id = ?`,
  ),
}));

type Statements = ReturnType<typeof statements>;

function addActivity(s: Statements, planId: string, a: Omit<ActivityAddedData, 'planId'>, position: number) {
  s.addActivity.run({
    planId,
    activityId: a.activityId,
    kind: a.kind,
    title: JSON.stringify(a.title),
    leadState: a.leadState,
    leadInstitutionId: a.leadInstitutionId ?? null,
    participatingStates: JSON.stringify(a.participatingStates),
    plannedStart: a.plannedStart ?? null,
    plannedEnd: a.plannedEnd ?? null,
    position,
  });
}

/** Plans and their activities, one row each, with the position of the last event that touched the row. */
export const planImplementationProjection: Projection = withRowVisibility(
  {
    name: 'plan-implementation',
    // 2: amendments (activities added and removed, retitling) and closing.
    // 3: the life of each activity scheduled from the plan (status, progress, actual dates).
    // 4: the visibility and states of plans and of their activities (docs/visibility.md).
    version: 4,
    eventTypes: [
      'PlanDrafted',
      'ActivityAddedToPlan',
      'PlanAdopted',
      'PlanAmended',
      'PlanClosed',
      ...ACTIVITY_EVENT_TYPES,
    ],

    setup: createPlanTables,

    /** Rows are keyed `<plan>` and `<plan>/<plan activity>`. */
    rowsOf(event: RecordedEvent, db: Database): string[] {
      const d = event.data as {
        planId?: string;
        activityId?: string;
        addedActivities?: { activityId: string }[];
        removedActivityIds?: string[];
      };
      if (event.type === 'ActivityAddedToPlan') return [d.planId!, `${d.planId}/${d.activityId}`];
      if (event.type === 'PlanAmended') {
        const touched = [
          ...(d.addedActivities ?? []).map((a) => a.activityId),
          ...(d.removedActivityIds ?? []),
        ];
        return [d.planId!, ...touched.map((id) => `${d.planId}/${id}`)];
      }
      if (d.planId !== undefined && !event.type.startsWith('Activity') && event.type !== 'ProgressReported')
        return [d.planId];
      const link = planActivityOf(db, String(d.activityId));
      return link ? [`${link.plan_id}/${link.plan_activity_id}`] : [];
    },

    reset(db: Database): void {
      statements.forget(db);
      forgetActivityStatements(db);
      dropPlanTables(db);
    },

    apply(db: Database, event: RecordedEvent): void {
      const s = statements(db);
      const position = event.position;
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
            position,
          );
          return;
        }
        case 'ActivityAddedToPlan': {
          const { planId, ...activity } = event.data as unknown as ActivityAddedData;
          addActivity(s, planId, activity, position);
          s.touch.run(position, planId);
          return;
        }
        case 'PlanAdopted': {
          const d = event.data as unknown as PlanAdoptedData;
          const decision = JSON.stringify(d.decision);
          s.adopt.run(d.adoptedOn, decision, JSON.stringify(d.adoptingStates), position, d.planId);
          return;
        }
        case 'PlanAmended': {
          const d = event.data as unknown as PlanAmendedData;
          for (const id of d.removedActivityIds) s.removeActivity.run(d.planId, id);
          for (const activity of d.addedActivities) addActivity(s, d.planId, activity, position);
          const amendment = { amendmentId: d.amendmentId, decision: d.decision, amendedOn: d.amendedOn };
          const title = d.newTitle ? JSON.stringify(d.newTitle) : null;
          s.amend.run(title, JSON.stringify(amendment), position, d.planId);
          return;
        }
        case 'PlanClosed': {
          const d = event.data as unknown as PlanClosedData;
          const reason = d.reason ? JSON.stringify(d.reason) : null;
          s.close.run(d.closedOn, reason, position, d.planId);
          return;
        }
        default:
          applyActivityEvent(db, event);
      }
    },
  },
  PLAN_ITEM_TABLES,
);
