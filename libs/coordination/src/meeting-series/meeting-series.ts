import { Type } from 'typebox';
import { unreachable, type DomainEvent } from '#eventsourcing/decider.js';
import { id, record, text, type Payload } from '../schemas/schema-kit.js';
import { IsoDateSchema, type IsoDate } from '../shared/iso-date.js';
import { LocalizedTextSchema, type LocalizedText } from '../shared/localized-text.js';

export const meetingSeriesStream = (seriesId: string): string => `series-${seriesId}`;

export const MeetingSeriesDefinedData = record(
  {
    seriesId: id(),
    title: LocalizedTextSchema,
    domain: text('The field of cooperation as a slug, e.g. `diaspora`'),
  },
  { description: 'A series of meetings in one field of cooperation is defined' },
);

export type MeetingSeriesDefined = DomainEvent<
  'MeetingSeriesDefined',
  Payload<typeof MeetingSeriesDefinedData>
>;

export const MeetingNumberedData = record(
  { seriesId: id(), meetingId: id(), number: Type.Integer({ minimum: 1 }), date: IsoDateSchema },
  { description: 'A meeting takes its number in the series; numbers are unique and rise with the date' },
);

export type MeetingNumbered = DomainEvent<'MeetingNumbered', Payload<typeof MeetingNumberedData>>;

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
