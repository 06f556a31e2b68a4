import type { Database } from 'better-sqlite3';
import { statementsFor } from '#eventsourcing';
import type { DecisionRef, Text } from './decision-events.js';
import type { Produced, ProducedFollowUp, TimelineEntry } from './decision-view.js';

type Params = [string, string];

interface PlanRow {
  plan_id: string;
  year: number | null;
  title: string | null;
  status: string;
  adopted_on: string | null;
}

interface AmendmentRow extends Omit<PlanRow, 'status' | 'adopted_on'> {
  amendment_id: string;
  amended_on: string | null;
  added_activity_ids: string;
  removed_activity_ids: string;
}

interface ActivityRow {
  activity_id: string;
  kind: string | null;
  title: string;
  lead_state: string | null;
  planned_start: string | null;
  planned_end: string | null;
  status: string;
  progress: number;
  visibility: string;
}

interface FollowUpRow {
  follow_up_id: string;
  assignee: string;
  description: string;
  due_date: string | null;
  status: string;
  reviews: string;
  visibility: string;
}

const statements = statementsFor((db: Database) => ({
  plan: db.prepare<Params, PlanRow>(
    `SELECT plan_id, year, title, status, adopted_on FROM rm_decision_plan
     WHERE adopted_by_meeting = ? AND adopted_by_decision = ? ORDER BY plan_id LIMIT 1`,
  ),
  amendments: db.prepare<Params, AmendmentRow>(
    `SELECT a.plan_id, p.year, p.title, a.amendment_id, a.amended_on, a.added_activity_ids, a.removed_activity_ids
     FROM rm_decision_amendment a LEFT JOIN rm_decision_plan p ON p.plan_id = a.plan_id
     WHERE a.meeting_id = ? AND a.decision_id = ? ORDER BY a.position`,
  ),
  activities: db.prepare<Params, ActivityRow>(
    'SELECT * FROM rm_decision_activity WHERE meeting_id = ? AND decision_id = ? ORDER BY position, activity_id',
  ),
  followUps: db.prepare<Params, FollowUpRow>(
    'SELECT * FROM rm_decision_follow_up WHERE meeting_id = ? AND decision_id = ? ORDER BY position, follow_up_id',
  ),
  timeline: db.prepare<Params, TimelineEntry>(
    `SELECT position, type, stream, occurred_at AS occurredAt, recorded_at AS recordedAt
     FROM rm_decision_timeline WHERE meeting_id = ? AND decision_id = ? ORDER BY position`,
  ),
}));

const parse = <T>(value: string): T => JSON.parse(value) as T;
const nullable = <T>(value: string | null): T | null => (value === null ? null : parse<T>(value));

export function producedBy(db: Database, { meetingId, decisionId }: DecisionRef): Produced {
  const s = statements(db);
  const plan = s.plan.get(meetingId, decisionId);
  return {
    plan: plan
      ? {
          planId: plan.plan_id,
          year: plan.year,
          title: nullable<Text>(plan.title),
          status: plan.status,
          adoptedOn: plan.adopted_on,
        }
      : null,
    amendedPlans: s.amendments.all(meetingId, decisionId).map((a) => ({
      planId: a.plan_id,
      year: a.year,
      title: nullable<Text>(a.title),
      amendmentId: a.amendment_id,
      amendedOn: a.amended_on,
      addedActivityIds: parse<string[]>(a.added_activity_ids),
      removedActivityIds: parse<string[]>(a.removed_activity_ids),
    })),
    activities: s.activities.all(meetingId, decisionId).map((a) => ({
      activityId: a.activity_id,
      kind: a.kind,
      title: parse<Text>(a.title),
      leadState: a.lead_state,
      plannedStart: a.planned_start,
      plannedEnd: a.planned_end,
      status: a.status,
      progress: a.progress,
      visibility: a.visibility,
    })),
    followUps: s.followUps.all(meetingId, decisionId).map((f) => ({
      followUpId: f.follow_up_id,
      assignee: parse<ProducedFollowUp['assignee']>(f.assignee),
      description: parse<Text>(f.description),
      dueDate: f.due_date,
      status: f.status,
      reviews: parse<ProducedFollowUp['reviews']>(f.reviews),
      visibility: f.visibility,
    })),
  };
}

export function timelineOf(db: Database, { meetingId, decisionId }: DecisionRef): TimelineEntry[] {
  return statements(db).timeline.all(meetingId, decisionId);
}
