import type { MeetingState } from '../meetings/meeting.js';
import type { IsoDate } from '../shared/iso-date.js';

/**
 * What a protocol needs to know of the meeting on whose margins it is signed. The protocol
 * handlers prefetch it from the meeting's stream and pass it in the command.
 */
export interface MarginsFacts {
  readonly meetingId: string;
  readonly date: IsoDate;
  readonly city: string;
}

/** The meeting's date and city; null when the meeting was never scheduled. */
export function marginsFacts(meeting: MeetingState): MarginsFacts | null {
  if (meeting.status === 'unscheduled') return null;
  return { meetingId: meeting.meetingId, date: meeting.date, city: meeting.city };
}

/** Places are compared as people write them: case, accents' encoding and outer spaces aside. */
export function isSamePlace(a: string, b: string): boolean {
  const normal = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('en');
  return normal(a) === normal(b);
}
