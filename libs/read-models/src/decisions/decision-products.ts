import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '#event-store';
import { statementsFor } from '#eventsourcing';
import type {
  ActivityLifeData,
  ActivityScheduledData,
  DecisionRef,
  FollowUpAssignedData,
  ImplementationStatusUpdatedData,
  PlanAdoptedData,
  PlanAmendedData,
  PlanDraftedData,
  ReviewScheduledData,
} from './decision-events.js';

/** The events of what decisions produce: plans they adopt or amend, activities, follow-ups. */
export const PRODUCT_EVENT_TYPES = [
  'PlanDrafted',
  'PlanAdopted',
  'PlanAmended',
  'PlanClosed',
  'ActivityScheduled',
  'ActivityStarted',
  'ProgressReported',
  'ActivityCompleted',
  'ActivityPostponed',
  'ActivityCancelled',
  'FollowUpAssigned',
  'ImplementationStatusUpdated',
  'ReviewScheduled',
] as const;

const statements = statementsFor((db: Database) => ({
  draft: db.prepare(
    `INSERT INTO rm_decision_plan (plan_id, year, title, status, last_position) VALUES (?, ?, ?, 'drafted', ?)
     ON CONFLICT (plan_id) DO UPDATE SET year = excluded.year, title = excluded.title,
       last_position = excluded.last_position`,
  ),
  adopt: db.prepare(
    `INSERT INTO rm_decision_plan (plan_id, status, adopted_by_meeting, adopted_by_decision, adopted_on,
       last_position) VALUES (@planId, 'adopted', @meetingId, @decisionId, @adoptedOn, @position)
     ON CONFLICT (plan_id) DO UPDATE SET status = 'adopted', adopted_by_meeting = @meetingId,
       adopted_by_decision = @decisionId, adopted_on = @adoptedOn, last_position = @position`,
  ),
  retitle: db.prepare('UPDATE rm_decision_plan SET title = ?, last_position = ? WHERE plan_id = ?'),
  close: db.prepare(`UPDATE rm_decision_plan SET status = 'closed', last_position = ? WHERE plan_id = ?`),
  adoptedBy: db.prepare<[string], DecisionRef>(
    `SELECT adopted_by_meeting AS meetingId, adopted_by_decision AS decisionId FROM rm_decision_plan
     WHERE plan_id = ? AND adopted_by_decision IS NOT NULL`,
  ),
  amend: db.prepare(
    `INSERT OR REPLACE INTO rm_decision_amendment VALUES (@planId, @amendmentId, @meetingId, @decisionId,
       @amendedOn, @added, @removed, @position, 'public', '[]')`,
  ),
  schedule: db.prepare(
    `INSERT OR REPLACE INTO rm_decision_activity VALUES (@activityId, @meetingId, @decisionId, @kind, @title,
       @leadState, @plannedStart, @plannedEnd, 'scheduled', 0, @visibility, @position, '[]')`,
  ),
  activityOf: db.prepare<[string], DecisionRef>(
    'SELECT meeting_id AS meetingId, decision_id AS decisionId FROM rm_decision_activity WHERE activity_id = ?',
  ),
  updateActivity: db.prepare(
    `UPDATE rm_decision_activity SET status = COALESCE(@status, status), progress = COALESCE(@progress, progress),
       planned_start = COALESCE(@start, planned_start), planned_end = COALESCE(@end, planned_end)
     WHERE activity_id = @activityId`,
  ),
  assign: db.prepare(
    `INSERT OR REPLACE INTO rm_decision_follow_up (follow_up_id, meeting_id, decision_id, assignee, description,
       due_date, status, visibility, position)
     VALUES (@followUpId, @meetingId, @decisionId, @assignee, @description, @dueDate, 'not-started', @visibility,
       @position)`,
  ),
  followUpOf: db.prepare<[string], DecisionRef>(
    'SELECT meeting_id AS meetingId, decision_id AS decisionId FROM rm_decision_follow_up WHERE follow_up_id = ?',
  ),
  status: db.prepare('UPDATE rm_decision_follow_up SET status = ? WHERE follow_up_id = ?'),
  review: db.prepare(
    `UPDATE rm_decision_follow_up SET reviews = json_insert(reviews, '$[#]', json(?)) WHERE follow_up_id = ?`,
  ),
}));

export function forgetProductStatements(db: Database): void {
  statements.forget(db);
}

interface ActivityChange {
  readonly status: string | null;
  readonly progress: number | null;
  readonly start: string | null;
  readonly end: string | null;
}

const NO_CHANGE: ActivityChange = { status: null, progress: null, start: null, end: null };

/** What an activity event changes in the activity a decision organised. */
const ACTIVITY_CHANGES: Readonly<Record<string, (d: ActivityLifeData) => Partial<ActivityChange>>> = {
  ActivityStarted: () => ({ status: 'in-progress' }),
  ProgressReported: (d) => ({ progress: d.progress ?? null }),
  ActivityCompleted: () => ({ status: 'completed', progress: 100 }),
  ActivityPostponed: (d) => ({ status: 'postponed', start: d.newStart ?? null, end: d.newEnd ?? null }),
  ActivityCancelled: () => ({ status: 'cancelled' }),
};

/** Applies one event of what decisions produce; returns the decisions whose products it touched. */
export function applyProductEvent(db: Database, event: RecordedEvent): DecisionRef[] {
  const s = statements(db);
  const { position } = event;
  const { visibility } = event.metadata;
  switch (event.type) {
    case 'PlanDrafted': {
      const d = event.data as unknown as PlanDraftedData;
      s.draft.run(d.planId, d.year ?? null, JSON.stringify(d.title ?? {}), position);
      return [];
    }
    case 'PlanAdopted': {
      const d = event.data as unknown as PlanAdoptedData;
      s.adopt.run({ planId: d.planId, ...d.decision, adoptedOn: d.adoptedOn ?? null, position });
      return [d.decision];
    }
    case 'PlanAmended': {
      const d = event.data as unknown as PlanAmendedData;
      s.amend.run({
        planId: d.planId,
        amendmentId: d.amendmentId,
        ...d.decision,
        amendedOn: d.amendedOn ?? null,
        added: JSON.stringify((d.addedActivities ?? []).map((a) => a.activityId)),
        removed: JSON.stringify(d.removedActivityIds ?? []),
        position,
      });
      if (d.newTitle) s.retitle.run(JSON.stringify(d.newTitle), position, d.planId);
      return [d.decision, ...s.adoptedBy.all(d.planId)];
    }
    case 'PlanClosed': {
      const { planId } = event.data as { planId: string };
      s.close.run(position, planId);
      return s.adoptedBy.all(planId);
    }
    case 'ActivityScheduled': {
      const d = event.data as unknown as ActivityScheduledData;
      if (!d.meetingId || !d.decisionId) return [];
      s.schedule.run({
        activityId: d.activityId,
        meetingId: d.meetingId,
        decisionId: d.decisionId,
        kind: d.kind ?? null,
        title: JSON.stringify(d.title ?? {}),
        leadState: d.leadState ?? null,
        plannedStart: d.plannedStart ?? null,
        plannedEnd: d.plannedEnd ?? null,
        visibility,
        position,
      });
      return [{ meetingId: d.meetingId, decisionId: d.decisionId }];
    }
    case 'FollowUpAssigned': {
      const d = event.data as unknown as FollowUpAssignedData;
      s.assign.run({
        followUpId: d.followUpId,
        ...d.decision,
        assignee: JSON.stringify({
          state: d.assignee?.state ?? null,
          institutionId: d.assignee?.institutionId ?? null,
        }),
        description: JSON.stringify(d.description ?? {}),
        dueDate: d.dueDate ?? null,
        visibility,
        position,
      });
      return [d.decision];
    }
    case 'ImplementationStatusUpdated': {
      const d = event.data as unknown as ImplementationStatusUpdatedData;
      s.status.run(d.status, d.followUpId);
      return s.followUpOf.all(d.followUpId);
    }
    case 'ReviewScheduled': {
      const d = event.data as unknown as ReviewScheduledData;
      s.review.run(JSON.stringify({ reviewOn: d.reviewOn, meetingId: d.meetingId ?? null }), d.followUpId);
      return s.followUpOf.all(d.followUpId);
    }
    default: {
      if (!Object.hasOwn(ACTIVITY_CHANGES, event.type)) return [];
      const change = ACTIVITY_CHANGES[event.type];
      const d = event.data as unknown as ActivityLifeData;
      s.updateActivity.run({ ...NO_CHANGE, ...change(d), activityId: d.activityId });
      return s.activityOf.all(d.activityId);
    }
  }
}
