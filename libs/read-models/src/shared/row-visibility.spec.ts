import Database from 'better-sqlite3';
import type { RecordedEvent, Visibility } from '#event-store';
import { newEvent } from '#event-store/testing/event-builders.js';
import { planImplementationProjection as projection } from '../plan-implementation/plan-implementation.projection.js';

const given = (events: [string, string, Record<string, unknown>, Visibility][]) => {
  const db = new Database(':memory:');
  projection.setup(db);
  events.forEach(([stream, type, data, visibility], index) => {
    const event: RecordedEvent = {
      ...newEvent(type, data, { metadata: { visibility } }),
      stream,
      revision: 0,
      position: index + 1,
    };
    projection.apply(db, event);
  });
  return db;
};
const drafted = [
  'plan-p',
  'PlanDrafted',
  { planId: 'p', seriesId: 's', year: 2025, title: { en: 'P' } },
] as const;
const added = {
  planId: 'p',
  activityId: 'forum',
  kind: 'forum',
  title: { en: 'Forum' },
  leadState: 'TR',
  leadInstitutionId: null,
  participatingStates: ['TR', 'AZ'],
  plannedStart: '2025-05-01',
  plannedEnd: '2025-05-03',
};
const scheduled = {
  activityId: 'forum-2025',
  kind: 'forum',
  title: { en: 'Forum' },
  planId: 'p',
  planActivityId: 'forum',
  meetingId: null,
  decisionId: null,
  leadState: 'UZ',
  participatingStates: ['UZ'],
  plannedStart: '2025-05-01',
  plannedEnd: '2025-05-03',
};
const row = (db: Database.Database, table: string) =>
  db.prepare(`SELECT visibility, states FROM ${table}`).get() as { visibility: string; states: string };

describe('the visibility of a read-model row', () => {
  it('given only public events, then the row is public (and the states it concerns do not matter)', () => {
    const db = given([
      [...drafted, 'public'],
      ['plan-p', 'ActivityAddedToPlan', added, 'public'],
    ]);
    expect(row(db, 'rm_plan_activity')).toEqual({ visibility: 'public', states: '[]' });
  });

  it('given a public row, when an internal event shapes it, then it stays internal and concerns the states that event names', () => {
    const db = given([
      [...drafted, 'public'],
      ['plan-p', 'ActivityAddedToPlan', added, 'public'],
      ['activity-forum-2025', 'ActivityScheduled', scheduled, 'internal'],
      [
        'activity-forum-2025',
        'ActivityStarted',
        { activityId: 'forum-2025', startedOn: '2025-05-01' },
        'public',
      ],
    ]);
    expect(row(db, 'rm_plan_activity')).toEqual({ visibility: 'internal', states: '["UZ"]' });
  });

  it('given an event a table ignores, then that table’s row keeps its visibility but gains its states, while the event’s own row takes both', () => {
    const db = given([
      [...drafted, 'public'],
      ['plan-p', 'ActivityAddedToPlan', added, 'internal'],
    ]);
    expect(row(db, 'rm_plan')).toEqual({ visibility: 'public', states: '["AZ","TR"]' });
    expect(row(db, 'rm_plan_activity')).toEqual({ visibility: 'internal', states: '["AZ","TR"]' });
  });
});
