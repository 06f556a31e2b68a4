import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '#event-store';
import { statementsFor } from '#eventsourcing';

/** The Activity events that move a plan's activity along: scheduled from the plan, then its life. */
export const ACTIVITY_EVENT_TYPES = [
  'ActivityScheduled',
  'ActivityStarted',
  'ProgressReported',
  'ActivityCompleted',
  'ActivityPostponed',
  'ActivityCancelled',
] as const;

const statements = statementsFor((db: Database) => ({
  link: db.prepare('INSERT OR REPLACE INTO rm_plan_activity_link VALUES (?, ?, ?)'),
  linked: db.prepare<[string], { plan_id: string; plan_activity_id: string }>(
    'SELECT plan_id, plan_activity_id FROM rm_plan_activity_link WHERE activity_id = ?',
  ),
  scheduled: db.prepare(
    `UPDATE rm_plan_activity SET status = 'scheduled', scheduled_as = @activityId, planned_start = @start,
       planned_end = @end, last_position = @position WHERE plan_id = @planId AND activity_id = @planActivityId`,
  ),
  update: db.prepare(
    `UPDATE rm_plan_activity SET status = COALESCE(@status, status), progress = COALESCE(@progress, progress),
       actual_start = COALESCE(@actualStart, actual_start), actual_end = COALESCE(@actualEnd, actual_end),
       planned_start = COALESCE(@plannedStart, planned_start), planned_end = COALESCE(@plannedEnd, planned_end),
       last_position = @position
     WHERE (plan_id, activity_id) = (SELECT plan_id, plan_activity_id FROM rm_plan_activity_link WHERE activity_id = @activityId)`,
  ),
}));

/** The plan activity an Activity was scheduled from, if any. */
export function planActivityOf(db: Database, activityId: string) {
  return statements(db).linked.get(activityId) ?? null;
}

export function forgetActivityStatements(db: Database): void {
  statements.forget(db);
}

const NO_CHANGE = {
  status: null,
  progress: null,
  actualStart: null,
  actualEnd: null,
  plannedStart: null,
  plannedEnd: null,
};

/** Applies one Activity event to the plan activity it was scheduled from (others are not in a plan). */
export function applyActivityEvent(db: Database, event: RecordedEvent): void {
  const s = statements(db);
  const d = event.data as Record<string, string | number | null>;
  const position = event.position;
  const activityId = d.activityId;
  switch (event.type) {
    case 'ActivityScheduled':
      if (d.planId === null || d.planActivityId === null) return;
      s.link.run(activityId, d.planId, d.planActivityId);
      s.scheduled.run({
        activityId,
        planId: d.planId,
        planActivityId: d.planActivityId,
        start: d.plannedStart,
        end: d.plannedEnd,
        position,
      });
      return;
    case 'ActivityStarted':
      s.update.run({ ...NO_CHANGE, activityId, position, status: 'in-progress', actualStart: d.startedOn });
      return;
    case 'ProgressReported':
      s.update.run({ ...NO_CHANGE, activityId, position, progress: d.progress });
      return;
    case 'ActivityCompleted':
      s.update.run({
        ...NO_CHANGE,
        activityId,
        position,
        status: 'completed',
        progress: 100,
        actualEnd: d.completedOn,
      });
      return;
    case 'ActivityPostponed':
      s.update.run({
        ...NO_CHANGE,
        activityId,
        position,
        status: 'postponed',
        plannedStart: d.newStart,
        plannedEnd: d.newEnd,
      });
      return;
    case 'ActivityCancelled':
      s.update.run({ ...NO_CHANGE, activityId, position, status: 'cancelled' });
      return;
  }
}
