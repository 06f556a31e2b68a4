import type Database from 'better-sqlite3';
import { provenanceOf } from '#eventsourcing';
import { calendarProjection as projection } from './calendar.projection.js';
import { activity, given, meeting, MEMBERS, recordedAt, type Given } from './testing/given.js';

const TASHKENT = 'diaspora-ministerial-6';
const YOUTH = 'diaspora-youth-forum-2025';
const scheduled = meeting(TASHKENT, 6, 'Tashkent', 'UZ', '2024-11-18');
const youth = activity(YOUTH, 'forum', '2025-07-07', '2025-07-09');
const accredit = (state: string): Given => ['DelegationAccredited', { meetingId: TASHKENT, state }];
const postponed: Given = [
  'ActivityPostponed',
  {
    activityId: YOUTH,
    previousStart: '2025-07-07',
    previousEnd: '2025-07-09',
    newStart: '2025-09-15',
    newEnd: '2025-09-17',
    reason: { en: 'The host asked for September' },
  },
];

const row = (db: Database.Database, type: string, id: string) =>
  db
    .prepare(
      `SELECT kind, title, start_date, end_date, city, host_state, lead_state, participating_states, status,
         origin, visibility, sequence, created_at, updated_at, last_position
       FROM rm_calendar_entry WHERE entry_type = ? AND entry_id = ?`,
    )
    .get(type, id);
const dates = (db: Database.Database, id: string) =>
  db
    .prepare(
      `SELECT status, start_date, end_date, sequence, last_position FROM rm_calendar_entry
       WHERE entry_type = 'activity' AND entry_id = ?`,
    )
    .get(id);

describe('calendar projection', () => {
  it('is version 2 and reads the meetings and the life of activities, not progress reports', () => {
    expect(projection).toMatchObject({ name: 'calendar', version: 2 });
    expect(projection.eventTypes).toEqual(
      expect.arrayContaining(['MeetingScheduled', 'MeetingClosed', 'ActivityScheduled', 'ActivityCancelled']),
    );
    expect(projection.eventTypes).not.toContain('ProgressReported');
  });

  describe('a meeting', () => {
    it('given it scheduled, then its entry has its day, city, host state, series and number', () => {
      expect(row(given([scheduled]), 'meeting', TASHKENT)).toEqual({
        kind: 'meeting',
        title: '{"en":"Meeting 6 (Tashkent)"}',
        start_date: '2024-11-18',
        end_date: '2024-11-18',
        city: 'Tashkent',
        host_state: 'UZ',
        lead_state: null,
        participating_states: '[]',
        status: 'scheduled',
        origin: '{"kind":"series","seriesId":"diaspora-ministerial","number":6}',
        visibility: 'public',
        sequence: 0,
        created_at: recordedAt(1),
        updated_at: recordedAt(1),
        last_position: 1,
      });
    });

    it('given delegations accredited, then every accredited state takes part once, observers too', () => {
      const db = given([scheduled, ...[...MEMBERS, 'HU', 'UZ'].map(accredit)]);
      expect(row(db, 'meeting', TASHKENT)).toMatchObject({
        participating_states: '["AZ","KZ","KG","TR","UZ","HU"]',
        last_position: 7,
        updated_at: recordedAt(7),
      });
    });

    it('given it convened, then closed, then its status follows', () => {
      const convened: Given = ['MeetingConvened', { meetingId: TASHKENT, memberStatesPresent: MEMBERS }];
      expect(row(given([scheduled, convened]), 'meeting', TASHKENT)).toMatchObject({
        status: 'convened',
        last_position: 2,
      });
      const closed: Given = ['MeetingClosed', { meetingId: TASHKENT }];
      expect(row(given([scheduled, convened, closed]), 'meeting', TASHKENT)).toMatchObject({
        status: 'closed',
        start_date: '2024-11-18',
        last_position: 3,
      });
    });

    it('keeps the visibility of the scheduling event', () => {
      const internal: Given = [scheduled[0], scheduled[1], 'internal'];
      expect(row(given([internal]), 'meeting', TASHKENT)).toMatchObject({ visibility: 'internal' });
    });
  });

  describe('an activity', () => {
    it('given it scheduled from a plan, then its entry has its kind, dates, lead state and origin', () => {
      const db = given([
        activity('forum-istanbul', 'forum', '2025-05-20', '2025-05-22', {
          city: 'Istanbul',
          hostState: 'TR',
          leadState: 'TR',
        }),
      ]);
      expect(row(db, 'activity', 'forum-istanbul')).toEqual({
        kind: 'forum',
        title: '{"en":"forum-istanbul"}',
        start_date: '2025-05-20',
        end_date: '2025-05-22',
        city: 'Istanbul',
        host_state: 'TR',
        lead_state: 'TR',
        participating_states: JSON.stringify(MEMBERS),
        status: 'scheduled',
        origin: '{"kind":"plan","planId":"diaspora-2025","planActivityId":"forum-istanbul"}',
        visibility: 'public',
        sequence: 0,
        created_at: recordedAt(1),
        updated_at: recordedAt(1),
        last_position: 1,
      });
    });

    it('given it scheduled by a decision, then its origin is the decision', () => {
      const round = activity('diaspora-ministerial-7', 'meeting-round', '2025-11-17', '2025-11-17', {
        planId: null,
        planActivityId: null,
        meetingId: TASHKENT,
        decisionId: 'organise-joint-events',
        leadState: 'KZ',
      });
      expect(row(given([round]), 'activity', 'diaspora-ministerial-7')).toMatchObject({
        kind: 'meeting-round',
        origin: `{"kind":"decision","meetingId":"${TASHKENT}","decisionId":"organise-joint-events"}`,
        lead_state: 'KZ',
      });
    });

    it('given it postponed, then it moves to the new dates, postponed, one sequence on', () => {
      expect(dates(given([youth, postponed]), YOUTH)).toEqual({
        status: 'postponed',
        start_date: '2025-09-15',
        end_date: '2025-09-17',
        sequence: 1,
        last_position: 2,
      });
    });

    it('given it postponed, then started and completed, then it shows the days it was held', () => {
      const db = given([
        youth,
        postponed,
        ['ActivityStarted', { activityId: YOUTH, startedOn: '2025-09-15' }],
        ['ActivityCompleted', { activityId: YOUTH, completedOn: '2025-09-17', outcome: null }],
      ]);
      expect(dates(db, YOUTH)).toEqual({
        status: 'completed',
        start_date: '2025-09-15',
        end_date: '2025-09-17',
        sequence: 1,
        last_position: 4,
      });
    });

    it('given it started late and ran over, then the entry covers the days it actually ran', () => {
      const started = given([youth, ['ActivityStarted', { activityId: YOUTH, startedOn: '2025-07-10' }]]);
      expect(dates(started, YOUTH)).toMatchObject({
        status: 'started',
        start_date: '2025-07-10',
        end_date: '2025-07-10',
        sequence: 1,
      });
      const completed = given([
        youth,
        ['ActivityStarted', { activityId: YOUTH, startedOn: '2025-07-07' }],
        ['ActivityCompleted', { activityId: YOUTH, completedOn: '2025-07-11', outcome: null }],
      ]);
      expect(dates(completed, YOUTH)).toMatchObject({
        status: 'completed',
        start_date: '2025-07-07',
        end_date: '2025-07-11',
        sequence: 1,
      });
    });

    it('given it cancelled, then it keeps its dates, cancelled, one sequence on', () => {
      const db = given([youth, ['ActivityCancelled', { activityId: YOUTH, reason: { en: 'No host' } }]]);
      expect(dates(db, YOUTH)).toEqual({
        status: 'cancelled',
        start_date: '2025-07-07',
        end_date: '2025-07-09',
        sequence: 1,
        last_position: 2,
      });
    });

    it('ignores the life of an activity it never saw scheduled', () => {
      const db = given([['ActivityStarted', { activityId: 'unknown', startedOn: '2025-01-01' }]]);
      expect(db.prepare('SELECT COUNT(*) AS n FROM rm_calendar_entry').get()).toEqual({ n: 0 });
    });

    it('shows an activity of a partial shape with what is known', () => {
      const db = given([
        [
          'ActivityScheduled',
          {
            activityId: 'bare',
            planId: 'p',
            planActivityId: 'a',
            plannedStart: '2025-03-02',
            plannedEnd: '2025-03-04',
          },
        ],
      ]);
      expect(row(db, 'activity', 'bare')).toMatchObject({
        kind: 'other',
        title: '{}',
        lead_state: null,
        participating_states: '[]',
      });
    });
  });

  it('names the row each event touched: meeting/<id> and activity/<id>', () => {
    const db = given([
      scheduled,
      accredit('UZ'),
      ['MeetingClosed', { meetingId: 'never-scheduled' }],
      youth,
      postponed,
    ]);
    expect(provenanceOf(db, 'calendar', `meeting/${TASHKENT}`)).toEqual([1, 2]);
    expect(provenanceOf(db, 'calendar', `activity/${YOUTH}`)).toEqual([4, 5]);
    expect(provenanceOf(db, 'calendar', 'meeting/never-scheduled')).toEqual([]);
  });

  it('drops its table on reset and sets it up again', () => {
    const db = given([scheduled]);
    projection.reset(db);
    projection.setup(db);
    expect(db.prepare('SELECT COUNT(*) AS n FROM rm_calendar_entry').get()).toEqual({ n: 0 });
  });
});
