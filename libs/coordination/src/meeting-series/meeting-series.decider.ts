import { EntityNotFound, unreachable, type Decider } from '#eventsourcing/decider.js';
import { defineMeetingSeries } from './define-series.rules.js';
import type { MeetingSeriesCommand } from './meeting-series.commands.js';
import type { DefinedSeries, MeetingSeriesEvent, MeetingSeriesState } from './meeting-series.js';
import { evolveMeetingSeries, initialMeetingSeriesState } from './meeting-series.js';
import { numberMeeting } from './number-meeting.rules.js';

export type { DefineMeetingSeries, NumberMeeting, MeetingSeriesCommand } from './meeting-series.commands.js';

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
