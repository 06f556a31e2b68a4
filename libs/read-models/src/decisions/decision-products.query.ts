import type { Database } from 'better-sqlite3';
import { canSeeItem, PUBLIC_VIEWER, statementsFor, type Viewer } from '#eventsourcing';
import type { DecisionRef, Text } from './decision-events.js';
import type { Produced, ProducedFollowUp, TimelineEntry } from './decision-view.js';

type Params = [string, string];

interface Visible {
  visibility: string;
  states: string;
}

interface PlanRow extends Visible {
  plan_id: string;
  year: number | null;
  title: string | null;
  status: string;
  adopted_on: string | null;
}

interface AmendmentRow extends Omit<PlanRow, 'status' | 'adopted_on'> {
  plan_visibility: string | null;
  plan_states: string | null;
  amendment_id: string;
  amended_on: string | null;
  added_activity_ids: string;
  removed_activity_ids: string;
}

interface ActivityRow extends Visible {
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

interface FollowUpRow extends Visible {
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
    `SELECT plan_id, year, title, status, adopted_on, visibility, states FROM rm_decision_plan
     WHERE adopted_by_meeting = ? AND adopted_by_decision = ? ORDER BY plan_id LIMIT 1`,
  ),
  amendments: db.prepare<Params, AmendmentRow>(
    `SELECT a.plan_id, p.year, p.title, a.amendment_id, a.amended_on, a.added_activity_ids, a.removed_activity_ids,
       a.visibility, a.states, p.visibility AS plan_visibility, p.states AS plan_states
     FROM rm_decision_amendment a LEFT JOIN rm_decision_plan p ON p.plan_id = a.plan_id
     WHERE a.meeting_id = ? AND a.decision_id = ? ORDER BY a.position`,
  ),
  activities: db.prepare<Params, ActivityRow>(
    'SELECT * FROM rm_decision_activity WHERE meeting_id = ? AND decision_id = ? ORDER BY position, activity_id',
  ),
  followUps: db.prepare<Params, FollowUpRow>(
    'SELECT * FROM rm_decision_follow_up WHERE meeting_id = ? AND decision_id = ? ORDER BY position, follow_up_id',
  ),
  timeline: db.prepare<Params, TimelineEntry & Visible>(
    `SELECT position, type, stream, occurred_at AS occurredAt, recorded_at AS recordedAt, visibility, states
     FROM rm_decision_timeline WHERE meeting_id = ? AND decision_id = ? ORDER BY position`,
  ),
}));

const parse = <T>(value: string): T => JSON.parse(value) as T;
const nullable = <T>(value: string | null): T | null => (value === null ? null : parse<T>(value));

/** What the decision produced, as far as the viewer may see it. */
export function producedBy(
  db: Database,
  { meetingId, decisionId }: DecisionRef,
  viewer: Viewer = PUBLIC_VIEWER,
): Produced {
  const s = statements(db);
  const sees = (row: Visible) => canSeeItem(viewer, row);
  const found = s.plan.get(meetingId, decisionId);
  const plan = found && sees(found) ? found : undefined;
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
    amendedPlans: s.amendments
      .all(meetingId, decisionId)
      .filter(
        (a) => sees(a) && sees({ visibility: a.plan_visibility ?? 'public', states: a.plan_states ?? '[]' }),
      )
      .map((a) => ({
        planId: a.plan_id,
        year: a.year,
        title: nullable<Text>(a.title),
        amendmentId: a.amendment_id,
        amendedOn: a.amended_on,
        addedActivityIds: parse<string[]>(a.added_activity_ids),
        removedActivityIds: parse<string[]>(a.removed_activity_ids),
      })),
    activities: s.activities
      .all(meetingId, decisionId)
      .filter(sees)
      .map((a) => ({
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
    followUps: s.followUps
      .all(meetingId, decisionId)
      .filter(sees)
      .map((f) => ({
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

/** The events on the decision's timeline that the viewer may see. */
export function timelineOf(
  db: Database,
  { meetingId, decisionId }: DecisionRef,
  viewer: Viewer = PUBLIC_VIEWER,
): TimelineEntry[] {
  return statements(db)
    .timeline.all(meetingId, decisionId)
    .filter((entry) => canSeeItem(viewer, entry))
    .map(({ position, type, stream, occurredAt, recordedAt }) => ({
      position,
      type,
      stream,
      occurredAt,
      recordedAt,
    }));
}
