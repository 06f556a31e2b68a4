import { unreachable, type DomainEvent } from '#eventsourcing/decider.js';
import type { IsoDate } from '../shared/iso-date.js';
import type { LocalizedText } from '../shared/localized-text.js';

export const meetingSeriesStream = (seriesId: string): string => `series-${seriesId}`;

/** `domain` is the field of cooperation as a slug, e.g. `diaspora`. */
export type MeetingSeriesDefined = DomainEvent<
  'MeetingSeriesDefined',
  { readonly seriesId: string; readonly title: LocalizedText; readonly domain: string }
>;

export type MeetingNumbered = DomainEvent<
  'MeetingNumbered',
  { readonly seriesId: string; readonly meetingId: string; readonly number: number; readonly date: IsoDate }
>;

export type MeetingSeriesEvent = MeetingSeriesDefined | MeetingNumbered;

export interface NumberedMeeting {
  readonly meetingId: string;
  readonly number: number;
  readonly date: IsoDate;
}

export interface DefinedSeries {
  readonly status: 'defined';
  readonly seriesId: string;
  readonly title: LocalizedText;
  readonly domain: string;
  /** Ordered by number, and so by date. */
  readonly meetings: readonly NumberedMeeting[];
}

export type MeetingSeriesState = { readonly status: 'undefined' } | DefinedSeries;

export const initialMeetingSeriesState = (): MeetingSeriesState => ({ status: 'undefined' });

export function evolveMeetingSeries(
  state: MeetingSeriesState,
  event: MeetingSeriesEvent,
): MeetingSeriesState {
  switch (event.type) {
    case 'MeetingSeriesDefined':
      return { status: 'defined', ...event.data, meetings: [] };
    case 'MeetingNumbered': {
      if (state.status === 'undefined') return state;
      const { meetingId, number, date } = event.data;
      const meetings = [...state.meetings, { meetingId, number, date }].sort((a, b) => a.number - b.number);
      return { ...state, meetings };
    }
    default:
      return unreachable(event);
  }
}
