import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '#event-store';
import { statementsFor, type Projection } from '#eventsourcing';
import { nextDates } from './activity-life.js';
import type {
  ActivityScheduledData,
  DelegationAccreditedData,
  MeetingScheduledData,
  MeetingStepData,
} from './calendar-events.js';
import { createCalendarTables, dropCalendarTables } from './calendar.schema.js';
import { withRowVisibility } from '../shared/row-visibility.js';

const statements = statementsFor((db: Database) => ({
  insert: db.prepare(
    `INSERT INTO rm_calendar_entry (entry_type, entry_id, kind, title, start_date, end_date, city, host_state,
       lead_state, participating_states, status, origin, visibility, sequence, created_at, updated_at, last_position)
     VALUES (@type, @id, @kind, @title, @start, @end, @city, @hostState, @leadState, @participatingStates,
       @status, @origin, @visibility, 0, @at, @at, @position)`,
  ),
  dates: db.prepare<[string], { status: string; start: string; end: string; sequence: number }>(
    `SELECT status, start_date AS start, end_date AS end, sequence FROM rm_calendar_entry
     WHERE entry_type = 'activity' AND entry_id = ?`,
  ),
  moveActivity: db.prepare(
    `UPDATE rm_calendar_entry SET status = @status, start_date = @start, end_date = @end, sequence = @sequence,
       updated_at = @at, last_position = @position WHERE entry_type = 'activity' AND entry_id = @id`,
  ),
  meetingStatus: db.prepare(
    `UPDATE rm_calendar_entry SET status = @status, updated_at = @at, last_position = @position
     WHERE entry_type = 'meeting' AND entry_id = @id`,
  ),
  // Every accredited delegation takes part, observers too; each state once, in accreditation order.
  accredit: db.prepare(
    `UPDATE rm_calendar_entry SET participating_states = json_insert(participating_states, '$[#]', @state),
       updated_at = @at, last_position = @position
     WHERE entry_type = 'meeting' AND entry_id = @id
       AND NOT EXISTS (SELECT 1 FROM json_each(participating_states) WHERE value = @state)`,
  ),
  exists: db.prepare<[string, string], { n: number }>(
    'SELECT 1 AS n FROM rm_calendar_entry WHERE entry_type = ? AND entry_id = ?',
  ),
}));

type Statements = ReturnType<typeof statements>;

/** The meetings, forums and programmes of the OTS, one dated entry each (the iCalendar feed reads it too). */
export const calendarProjection: Projection = withRowVisibility(
  {
    name: 'calendar',
    // 2: the visibility and states of each entry (docs/visibility.md).
    version: 2,
    eventTypes: [
      'MeetingScheduled',
      'DelegationAccredited',
      'MeetingConvened',
      'MeetingClosed',
      'ActivityScheduled',
      'ActivityStarted',
      'ActivityCompleted',
      'ActivityPostponed',
      'ActivityCancelled',
    ],

    setup: createCalendarTables,

    /** Rows are keyed `meeting/<id>` and `activity/<id>`. */
    rowsOf(event: RecordedEvent, db: Database): string[] {
      const [type, id] = entryOf(event);
      return statements(db).exists.get(type, id) ? [`${type}/${id}`] : [];
    },

    reset(db: Database): void {
      statements.forget(db);
      dropCalendarTables(db);
    },

    apply(db: Database, event: RecordedEvent): void {
      const s = statements(db);
      const at = event.metadata.recordedAt;
      const position = event.position;
      const id = entryOf(event)[1];
      switch (event.type) {
        case 'MeetingScheduled':
          s.insert.run(meetingRow(event, event.data as unknown as MeetingScheduledData));
          return;
        case 'DelegationAccredited': {
          const { state } = event.data as unknown as DelegationAccreditedData;
          s.accredit.run({ id, state, at, position });
          return;
        }
        case 'MeetingConvened':
        case 'MeetingClosed': {
          const status = event.type === 'MeetingConvened' ? 'convened' : 'closed';
          s.meetingStatus.run({ id, status, at, position });
          return;
        }
        case 'ActivityScheduled':
          s.insert.run(activityRow(event, event.data as unknown as ActivityScheduledData));
          return;
        default:
          moveActivity(s, id, event);
      }
    },
  },
  [{ table: 'rm_calendar_entry', touchedAt: 'last_position' }],
);

function moveActivity(s: Statements, id: string, event: RecordedEvent): void {
  const current = s.dates.get(id);
  if (!current) return;
  const next = nextDates(current, event);
  s.moveActivity.run({ ...next, id, at: event.metadata.recordedAt, position: event.position });
}

/** `['meeting' | 'activity', id]` of the entry an event is about. */
function entryOf(event: RecordedEvent): ['meeting' | 'activity', string] {
  const d = event.data as Partial<MeetingStepData & { activityId: string }>;
  return event.type.startsWith('Activity')
    ? ['activity', String(d.activityId)]
    : ['meeting', String(d.meetingId)];
}

function common(event: RecordedEvent) {
  const { recordedAt, visibility } = event.metadata;
  return { at: recordedAt, visibility, position: event.position };
}

function meetingRow(event: RecordedEvent, d: MeetingScheduledData) {
  return {
    ...common(event),
    type: 'meeting',
    id: d.meetingId,
    kind: 'meeting',
    title: JSON.stringify(d.title),
    start: d.date,
    end: d.date,
    city: d.city,
    hostState: d.hostState,
    leadState: null,
    participatingStates: '[]',
    status: 'scheduled',
    origin: JSON.stringify({ kind: 'series', seriesId: d.seriesId, number: d.number }),
  };
}

// Older or partial shapes lack some fields: the entry still shows, with what is known.
function activityRow(event: RecordedEvent, d: ActivityScheduledData) {
  const origin =
    (d.planId ?? null) !== null
      ? { kind: 'plan', planId: d.planId, planActivityId: d.planActivityId ?? null }
      : { kind: 'decision', meetingId: d.meetingId ?? null, decisionId: d.decisionId ?? null };
  return {
    ...common(event),
    type: 'activity',
    id: d.activityId,
    kind: d.kind ?? 'other',
    title: JSON.stringify(d.title ?? {}),
    start: d.plannedStart,
    end: d.plannedEnd,
    city: d.city ?? null,
    hostState: d.hostState ?? null,
    leadState: d.leadState ?? null,
    participatingStates: JSON.stringify(d.participatingStates ?? []),
    status: 'scheduled',
    origin: JSON.stringify(origin),
  };
}
