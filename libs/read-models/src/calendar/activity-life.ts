import type { RecordedEvent } from '#event-store';
import type { ActivityCompletedData, ActivityPostponedData, ActivityStartedData } from './calendar-events.js';

/** What the life of an activity changes on its calendar entry. */
export interface EntryDates {
  readonly status: string;
  readonly start: string;
  readonly end: string;
  /** iCalendar SEQUENCE: goes up when the dates move or the entry is cancelled. */
  readonly sequence: number;
}

/**
 * The entry after an activity event. Once it is held, the calendar shows when it actually ran:
 * started moves the start (and the end, if it started after the planned end), completed the end.
 */
export function nextDates(entry: EntryDates, event: RecordedEvent): EntryDates {
  const moved = (status: string, start: string, end: string): EntryDates => {
    const changed = start !== entry.start || end !== entry.end;
    const cancelled = status === 'cancelled' && entry.status !== 'cancelled';
    return { status, start, end, sequence: entry.sequence + (changed || cancelled ? 1 : 0) };
  };
  switch (event.type) {
    case 'ActivityStarted': {
      const { startedOn } = event.data as unknown as ActivityStartedData;
      return moved('started', startedOn, later(entry.end, startedOn));
    }
    case 'ActivityCompleted': {
      const { completedOn } = event.data as unknown as ActivityCompletedData;
      return moved('completed', earlier(entry.start, completedOn), completedOn);
    }
    case 'ActivityPostponed': {
      const d = event.data as unknown as ActivityPostponedData;
      return moved('postponed', d.newStart, d.newEnd);
    }
    case 'ActivityCancelled':
      return moved('cancelled', entry.start, entry.end);
    default:
      return entry;
  }
}

const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);
