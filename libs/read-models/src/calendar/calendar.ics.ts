import ical, { ICalEventClass, ICalEventStatus } from 'ical-generator';
import type { CalendarFeedEntry } from './calendar.query.js';

/** Shown by calendar clients as the calendar's name (`X-WR-CALNAME`). */
export const CALENDAR_NAME = 'Kurultai: OTS meetings and activities';

const STATUS: Record<string, ICalEventStatus> = {
  cancelled: ICalEventStatus.CANCELLED,
  // Its dates have moved once already and it has not taken place yet.
  postponed: ICalEventStatus.TENTATIVE,
};

/** `meeting-diaspora-ministerial-6@kurultai`: the same entry keeps its UID across feeds and edits. */
export const uidOf = (entry: Pick<CalendarFeedEntry, 'type' | 'id'>) => `${entry.type}-${entry.id}@kurultai`;

/**
 * The entries as an RFC 5545 calendar of all-day events (DTEND is the day after the last day).
 * Without a METHOD, DTSTAMP is when the entry was last revised (RFC 5545 3.8.7.2): the recording time
 * of its last event, as LAST-MODIFIED, so the same log always gives the same feed.
 */
export function renderICalendar(entries: readonly CalendarFeedEntry[]): string {
  const calendar = ical({
    name: CALENDAR_NAME,
    // ical-generator does not escape X-WR-CALDESC: no commas or semicolons here.
    description: 'Meetings and activities (forums and programmes) of the Organization of Turkic States',
    prodId: { company: 'Organization of Turkic States', product: 'Kurultai', language: 'EN' },
  });
  for (const entry of entries) {
    calendar.createEvent({
      id: uidOf(entry),
      sequence: entry.sequence,
      allDay: true,
      start: day(entry.start),
      end: day(entry.end, 1),
      stamp: new Date(entry.updatedAt),
      created: new Date(entry.createdAt),
      lastModified: new Date(entry.updatedAt),
      summary: englishTitle(entry),
      location: [entry.city, entry.hostState].filter(Boolean).join(', ') || null,
      description: describe(entry),
      status: STATUS[entry.status] ?? ICalEventStatus.CONFIRMED,
      categories: [{ name: entry.kind }],
      class: entry.visibility === 'public' ? ICalEventClass.PUBLIC : ICalEventClass.PRIVATE,
    });
  }
  // Every content line ends with CRLF, the last one too (RFC 5545 3.1).
  const text = calendar.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}

/** Midnight UTC of a YYYY-MM-DD day, `plus` days later: ical-generator writes DATE values in UTC. */
function day(date: string, plus = 0): Date {
  const at = new Date(`${date}T00:00:00.000Z`);
  at.setUTCDate(at.getUTCDate() + plus);
  return at;
}

function englishTitle(entry: CalendarFeedEntry): string {
  return entry.title.en ?? Object.values(entry.title)[0] ?? `${entry.type} ${entry.id}`;
}

function describe(entry: CalendarFeedEntry): string {
  const origin = entry.origin;
  const lines = [
    entry.type === 'meeting' ? 'Meeting' : `Activity (${entry.kind})`,
    `Status: ${entry.status}`,
    entry.leadState ? `Lead state: ${entry.leadState}` : null,
    entry.participatingStates.length > 0
      ? `Participating states: ${entry.participatingStates.join(', ')}`
      : null,
    origin.kind === 'series'
      ? `Meeting ${origin.number} of the series ${origin.seriesId}`
      : origin.kind === 'plan'
        ? `From plan ${origin.planId} (${origin.planActivityId})`
        : `Organised by decision ${origin.decisionId} of meeting ${origin.meetingId}`,
  ];
  return lines.filter((line) => line !== null).join('\n');
}
