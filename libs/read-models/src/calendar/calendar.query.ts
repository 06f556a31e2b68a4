import type { Database } from 'better-sqlite3';
import { PUBLIC_VIEWER, statementsFor, visibilityParams, visibleSql, type Viewer } from '#eventsourcing';

export type CalendarOrigin =
  | { readonly kind: 'series'; readonly seriesId: string; readonly number: number }
  | { readonly kind: 'plan'; readonly planId: string; readonly planActivityId: string }
  | { readonly kind: 'decision'; readonly meetingId: string; readonly decisionId: string };

export interface CalendarEntry {
  readonly id: string;
  readonly type: 'meeting' | 'activity';
  /** `meeting` for meetings; the activity's kind (forum, training-programme, meeting-round, ...) otherwise. */
  readonly kind: string;
  readonly title: Record<string, string>;
  /** YYYY-MM-DD, inclusive. */
  readonly start: string;
  /** YYYY-MM-DD, inclusive. */
  readonly end: string;
  readonly city: string | null;
  readonly hostState: string | null;
  readonly leadState: string | null;
  readonly participatingStates: string[];
  /** Meetings: scheduled, convened, closed. Activities: scheduled, postponed, started, completed, cancelled. */
  readonly status: string;
  readonly origin: CalendarOrigin;
  /** Global position of the last event reflected in this entry. */
  readonly position: number;
}

/** What the iCalendar feed needs besides the entry. */
export interface CalendarFeedEntry extends CalendarEntry {
  readonly visibility: string;
  readonly sequence: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface CalendarFilter {
  /** YYYY-MM-DD: entries that end on or after it. */
  readonly from?: string;
  /** YYYY-MM-DD: entries that start on or before it. */
  readonly to?: string;
  readonly kind?: string;
  /** Hosting, leading or taking part. */
  readonly state?: string;
}

export interface CalendarPageFilter extends CalendarFilter {
  readonly sort: 'start' | '-start';
  readonly limit: number;
  readonly offset: number;
}

export interface CalendarPage {
  readonly items: CalendarEntry[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

interface EntryRow {
  entry_type: 'meeting' | 'activity';
  entry_id: string;
  kind: string;
  title: string;
  start_date: string;
  end_date: string;
  city: string | null;
  host_state: string | null;
  lead_state: string | null;
  participating_states: string;
  status: string;
  origin: string;
  visibility: string;
  sequence: number;
  created_at: string;
  updated_at: string;
  last_position: number;
}

// An entry is in the range when it overlaps it.
const WHERE = `(@from IS NULL OR end_date >= @from) AND (@to IS NULL OR start_date <= @to)
  AND (@kind IS NULL OR kind = @kind)
  AND (@state IS NULL OR host_state = @state OR lead_state = @state
    OR EXISTS (SELECT 1 FROM json_each(participating_states) WHERE value = @state))
  AND ${visibleSql()}`;

const statements = statementsFor((db: Database) => ({
  ascending: db.prepare<Record<string, unknown>, EntryRow>(
    `SELECT * FROM rm_calendar_entry WHERE ${WHERE}
     ORDER BY start_date, end_date, entry_type, entry_id LIMIT @limit OFFSET @offset`,
  ),
  descending: db.prepare<Record<string, unknown>, EntryRow>(
    `SELECT * FROM rm_calendar_entry WHERE ${WHERE}
     ORDER BY start_date DESC, end_date DESC, entry_type, entry_id LIMIT @limit OFFSET @offset`,
  ),
  count: db.prepare<Record<string, unknown>, { n: number }>(
    `SELECT COUNT(*) AS n FROM rm_calendar_entry WHERE ${WHERE}`,
  ),
}));

const paramsOf = (filter: CalendarFilter, viewer: Viewer) => ({
  from: filter.from ?? null,
  to: filter.to ?? null,
  kind: filter.kind ?? null,
  state: filter.state ?? null,
  ...visibilityParams(viewer),
});

/** One page of the entries the viewer may see, earliest first (`sort: '-start'`: latest first). */
export function listCalendar(
  db: Database,
  filter: CalendarPageFilter,
  viewer: Viewer = PUBLIC_VIEWER,
): CalendarPage {
  const s = statements(db);
  const params = paramsOf(filter, viewer);
  const query = filter.sort === '-start' ? s.descending : s.ascending;
  const rows = query.all({ ...params, limit: filter.limit, offset: filter.offset });
  const total = s.count.get(params)?.n ?? 0;
  return { items: rows.map(toEntry), total, limit: filter.limit, offset: filter.offset };
}

/** Every entry the filter selects that the viewer may see, earliest first, for the iCalendar feed. */
export function calendarFeed(
  db: Database,
  filter: CalendarFilter,
  viewer: Viewer = PUBLIC_VIEWER,
): CalendarFeedEntry[] {
  return statements(db)
    .ascending.all({ ...paramsOf(filter, viewer), limit: -1, offset: 0 })
    .map((row) => ({
      ...toEntry(row),
      visibility: row.visibility,
      sequence: row.sequence,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }));
}

function toEntry(row: EntryRow): CalendarEntry {
  return {
    id: row.entry_id,
    type: row.entry_type,
    kind: row.kind,
    title: JSON.parse(row.title) as Record<string, string>,
    start: row.start_date,
    end: row.end_date,
    city: row.city,
    hostState: row.host_state,
    leadState: row.lead_state,
    participatingStates: JSON.parse(row.participating_states) as string[],
    status: row.status,
    origin: JSON.parse(row.origin) as CalendarOrigin,
    position: row.last_position,
  };
}
