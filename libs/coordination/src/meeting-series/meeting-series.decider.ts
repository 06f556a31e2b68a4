import { EntityNotFound, unreachable, type Command, type Decider } from '#eventsourcing/decider.js';
import type { LocalizedText } from '../shared/localized-text.js';
import { defineMeetingSeries } from './define-series.rules.js';
import type { DefinedSeries, MeetingSeriesEvent, MeetingSeriesState } from './meeting-series.js';
import { evolveMeetingSeries, initialMeetingSeriesState } from './meeting-series.js';
import { numberMeeting } from './number-meeting.rules.js';

export type DefineMeetingSeries = Command<
  'DefineMeetingSeries',
  { readonly seriesId: string; readonly title: LocalizedText; readonly domain: string }
>;

export type NumberMeeting = Command<
  'NumberMeeting',
  {
    readonly seriesId: string;
    readonly meetingId: string;
    readonly number: number;
    /** YYYY-MM-DD: the day the meeting is (or was) held. */
    readonly date: string;
  }
>;

export type MeetingSeriesCommand = DefineMeetingSeries | NumberMeeting;

export function decideMeetingSeries(
  command: MeetingSeriesCommand,
  state: MeetingSeriesState,
): readonly MeetingSeriesEvent[] {
  switch (command.type) {
    case 'DefineMeetingSeries':
      return defineMeetingSeries(command, state);
    case 'NumberMeeting':
      return numberMeeting(command, definedSeries(state, command.data.seriesId));
    default:
      return unreachable(command);
  }
}

function definedSeries(state: MeetingSeriesState, seriesId: string): DefinedSeries {
  if (state.status === 'undefined') {
    throw new EntityNotFound(
      'series.not-found',
      `meeting series ${seriesId} has not been defined`,
      'seriesId',
    );
  }
  return state;
}

export const meetingSeriesDecider: Decider<MeetingSeriesCommand, MeetingSeriesEvent, MeetingSeriesState> = {
  initialState: initialMeetingSeriesState,
  evolve: evolveMeetingSeries,
  decide: decideMeetingSeries,
};
