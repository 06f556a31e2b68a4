import Database from 'better-sqlite3';
import type { RecordedEvent } from '#event-store';
import { newEvent } from '#event-store/testing/event-builders.js';
import { planImplementationProjection as projection } from './plan-implementation.projection.js';
import { findPlan, listPlans } from './plan-implementation.query.js';

const PLAN = 'diaspora-2025';
const MEMBERS = ['AZ', 'KZ', 'KG', 'TR', 'UZ'];
const activity = (activityId: string, en: string, leadState = 'TR') => ({
  activityId,
  kind: 'forum',
  title: { en },
  leadState,
  leadInstitutionId: null,
  participatingStates: MEMBERS,
  plannedStart: '2025-05-20',
  plannedEnd: '2025-05-22',
});
const decision = { meetingId: 'diaspora-ministerial-6', decisionId: 'adopt-plan-2025' };
const organising = { meetingId: 'diaspora-ministerial-6', decisionId: 'organise-2025' };

const drafted = [
  'PlanDrafted',
  { planId: PLAN, seriesId: 'diaspora-ministerial', year: 2025, title: { en: 'Plan 2025' } },
];
const added = (id: string, en: string) => ['ActivityAddedToPlan', { planId: PLAN, ...activity(id, en) }];
const adopted = ['PlanAdopted', { planId: PLAN, decision, adoptedOn: '2024-11-18', adoptingStates: MEMBERS }];
const amended = (data: Record<string, unknown>) => [
  'PlanAmended',
  {
    planId: PLAN,
    amendmentId: 'amendment-1',
    decision: organising,
    amendedOn: '2024-11-18',
    addedActivities: [],
    removedActivityIds: [],
    newTitle: null,
    ...data,
  },
];
const closed = ['PlanClosed', { planId: PLAN, closedOn: '2025-12-31', reason: { en: 'The year is over' } }];
const adoptedPlan = [
  drafted,
  added('forum', 'Turkic Diaspora Forum'),
  added('youth', 'Diaspora Youth Forum'),
  adopted,
];

/** Given these events (type, data), applied in order at positions 1, 2, ...: the read model's database. */
function given(events: unknown[][]): Database.Database {
  const db = new Database(':memory:');
  projection.setup(db);
  events.forEach(([type, data], index) => {
    const event = newEvent(type as string, data as Record<string, unknown>, {
      metadata: { occurredAt: '2024-11-18T09:00:00.000Z', visibility: 'public' },
    });
    const recorded: RecordedEvent = {
      ...event,
      stream: `plan-${PLAN}`,
      revision: index,
      position: index + 1,
    };
    projection.apply(db, recorded);
  });
  return db;
}

const activityRows = (db: Database.Database) =>
  db.prepare('SELECT activity_id, seq, title, last_position FROM rm_plan_activity ORDER BY seq').all();
const planRow = (db: Database.Database) =>
  db.prepare('SELECT title, status, amendments, closed_on, closing_reason, last_position FROM rm_plan').get();

describe('plan-implementation projection', () => {
  it('is version 4 and reads amendments, closings and the life of activities', () => {
    expect(projection.version).toBe(4);
    expect(projection.eventTypes).toEqual(
      expect.arrayContaining(['PlanAmended', 'PlanClosed', 'ActivityScheduled', 'ProgressReported']),
    );
  });

  it('adds the activity rows of an amendment, after the last one, and records the amendment', () => {
    const db = given([
      ...adoptedPlan,
      amended({ addedActivities: [activity('internship', 'Internship Program', 'KG')] }),
    ]);
    expect(activityRows(db)).toEqual([
      { activity_id: 'forum', seq: 0, title: '{"en":"Turkic Diaspora Forum"}', last_position: 2 },
      { activity_id: 'youth', seq: 1, title: '{"en":"Diaspora Youth Forum"}', last_position: 3 },
      { activity_id: 'internship', seq: 2, title: '{"en":"Internship Program"}', last_position: 5 },
    ]);
    expect(planRow(db)).toMatchObject({
      status: 'adopted',
      amendments: JSON.stringify([
        { amendmentId: 'amendment-1', decision: organising, amendedOn: '2024-11-18' },
      ]),
      last_position: 5,
    });
  });

  it('removes the rows of removed activities, and numbers the next ones after the highest left', () => {
    const db = given([
      ...adoptedPlan,
      amended({
        removedActivityIds: ['forum'],
        addedActivities: [activity('round', 'Next ministerial round')],
      }),
    ]);
    expect(activityRows(db)).toEqual([
      expect.objectContaining({ activity_id: 'youth', seq: 1 }),
      expect.objectContaining({ activity_id: 'round', seq: 2, last_position: 5 }),
    ]);
  });

  it('retitles the plan, and keeps the title when an amendment does not retitle', () => {
    const title = { en: 'Plan 2025 (amended)', tr: 'Plan 2025' };
    const db = given([
      ...adoptedPlan,
      amended({ newTitle: title }),
      amended({ amendmentId: 'amendment-2', removedActivityIds: ['youth'] }),
    ]);
    expect(planRow(db)).toMatchObject({ title: JSON.stringify(title), last_position: 6 });
    expect(JSON.parse((planRow(db) as { amendments: string }).amendments)).toHaveLength(2);
  });

  it('closes the plan with its day and reason', () => {
    const db = given([...adoptedPlan, closed]);
    expect(planRow(db)).toMatchObject({
      status: 'closed',
      closed_on: '2025-12-31',
      closing_reason: '{"en":"The year is over"}',
      last_position: 5,
    });
  });

  it('shows the amendments and the closing in the plan view and the list', () => {
    const db = given([...adoptedPlan, amended({ removedActivityIds: ['youth'] }), closed]);
    expect(findPlan(db, PLAN, '2026-01-15')).toMatchObject({
      status: 'closed',
      amendments: [{ amendmentId: 'amendment-1', decision: organising, amendedOn: '2024-11-18' }],
      closure: { closedOn: '2025-12-31', reason: { en: 'The year is over' } },
      activities: [{ id: 'forum' }],
      position: 6,
    });
    expect(listPlans(db, { status: 'closed', limit: 10, offset: 0 })).toMatchObject({
      total: 1,
      items: [{ id: PLAN }],
    });
  });

  it('shows a plan never amended nor closed as before', () => {
    const db = given(adoptedPlan);
    expect(findPlan(db, PLAN, '2025-01-01')).toMatchObject({
      status: 'adopted',
      amendments: [],
      closure: null,
    });
  });

  describe('the life of an activity scheduled from the plan', () => {
    const scheduled = (activityId: string, planActivityId: string | null) => [
      'ActivityScheduled',
      {
        activityId,
        kind: 'forum',
        planId: planActivityId ? PLAN : null,
        planActivityId,
        meetingId: planActivityId ? null : 'diaspora-ministerial-6',
        decisionId: planActivityId ? null : 'organise-2025',
        plannedStart: '2025-05-21',
        plannedEnd: '2025-05-23',
      },
    ];
    const row = (db: Database.Database, id: string) =>
      db
        .prepare(
          `SELECT status, progress, scheduled_as, actual_start, actual_end, planned_start, planned_end, last_position
           FROM rm_plan_activity WHERE activity_id = ?`,
        )
        .get(id);

    it('given the forum scheduled, started and reported at 60%, then the plan shows it in progress', () => {
      const db = given([
        ...adoptedPlan,
        scheduled('forum-istanbul', 'forum'),
        ['ActivityStarted', { activityId: 'forum-istanbul', startedOn: '2025-05-21' }],
        ['ProgressReported', { activityId: 'forum-istanbul', progress: 60, asOf: '2025-05-22' }],
      ]);
      expect(row(db, 'forum')).toEqual({
        status: 'in-progress',
        progress: 60,
        scheduled_as: 'forum-istanbul',
        actual_start: '2025-05-21',
        actual_end: null,
        planned_start: '2025-05-21',
        planned_end: '2025-05-23',
        last_position: 7,
      });
    });

    it('given it completed, then it is completed at 100% with its end, and no longer overdue', () => {
      const db = given([
        ...adoptedPlan,
        scheduled('forum-istanbul', 'forum'),
        ['ActivityStarted', { activityId: 'forum-istanbul', startedOn: '2025-05-21' }],
        ['ActivityCompleted', { activityId: 'forum-istanbul', completedOn: '2025-05-23' }],
      ]);
      expect(row(db, 'forum')).toMatchObject({
        status: 'completed',
        progress: 100,
        actual_end: '2025-05-23',
      });
      const view = findPlan(db, PLAN, '2026-01-01');
      expect(view?.activities.find((a) => a.id === 'forum')).toMatchObject({
        overdue: false,
        scheduledAs: 'forum-istanbul',
      });
      expect(view?.activities.find((a) => a.id === 'youth')).toMatchObject({
        status: 'planned',
        overdue: true,
      });
      expect(view?.summary).toMatchObject({ progress: 50, overdue: 1 });
    });

    it('given it postponed, then cancelled, then the plan shows the new dates and the cancellation', () => {
      const db = given([
        ...adoptedPlan,
        scheduled('youth-baku', 'youth'),
        ['ActivityPostponed', { activityId: 'youth-baku', newStart: '2025-09-01', newEnd: '2025-09-03' }],
      ]);
      expect(row(db, 'youth')).toMatchObject({
        status: 'postponed',
        planned_start: '2025-09-01',
        planned_end: '2025-09-03',
      });
      projection.apply(db, {
        ...newEvent('ActivityCancelled', { activityId: 'youth-baku' }),
        stream: 'activity-youth-baku',
        revision: 2,
        position: 7,
      });
      expect(row(db, 'youth')).toMatchObject({ status: 'cancelled', last_position: 7 });
    });

    it('leaves the plan alone for activities organised by a decision rather than the plan', () => {
      const db = given([
        ...adoptedPlan,
        scheduled('round-7', null),
        ['ActivityStarted', { activityId: 'round-7', startedOn: '2025-06-01' }],
      ]);
      expect(db.prepare("SELECT COUNT(*) AS n FROM rm_plan_activity WHERE status = 'planned'").get()).toEqual(
        { n: 2 },
      );
    });
  });
});
