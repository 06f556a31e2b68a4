import { unreachable, type Decider } from '#eventsourcing/decider.js';
import { addAgendaItem } from './agenda.rules.js';
import { recordBilateralMeeting } from './bilateral.rules.js';
import { recordBriefing } from './briefing.rules.js';
import { correctRecord } from './correction.rules.js';
import { accreditDelegation } from './delegation.rules.js';
import { recordDecision } from './decision.rules.js';
import type { MeetingCommand } from './meeting.commands.js';
import type { MeetingEvent, MeetingState } from './meeting.js';
import { evolveMeeting, initialMeetingState } from './meeting.js';
import { existingMeeting } from './meeting.guards.js';
import { closeMeeting, conveneMeeting, scheduleMeeting } from './meeting-lifecycle.rules.js';

export type {
  ScheduleMeeting,
  AccreditDelegation,
  AddAgendaItem,
  ConveneMeeting,
  RecordDecision,
  RecordBriefing,
  RecordBilateralMeeting,
  CloseMeeting,
  CorrectRecord,
  MeetingCommand,
} from './meeting.commands.js';

export function decideMeeting(command: MeetingCommand, state: MeetingState): readonly MeetingEvent[] {
  switch (command.type) {
    case 'ScheduleMeeting':
      return scheduleMeeting(command, state);
    case 'AddAgendaItem':
      return addAgendaItem(command, existingMeeting(state, command.data.meetingId));
    case 'AccreditDelegation':
      return accreditDelegation(command, existingMeeting(state, command.data.meetingId));
    case 'ConveneMeeting':
      return conveneMeeting(command, existingMeeting(state, command.data.meetingId));
    case 'RecordDecision':
      return recordDecision(command, existingMeeting(state, command.data.meetingId));
    case 'RecordBriefing':
      return recordBriefing(command, existingMeeting(state, command.data.meetingId));
    case 'RecordBilateralMeeting':
      return recordBilateralMeeting(command, existingMeeting(state, command.data.meetingId));
    case 'CloseMeeting':
      return closeMeeting(command, existingMeeting(state, command.data.meetingId));
    case 'CorrectRecord':
      return correctRecord(command, existingMeeting(state, command.data.meetingId));
    default:
      return unreachable(command);
  }
}

export const meetingDecider: Decider<MeetingCommand, MeetingEvent, MeetingState> = {
  initialState: initialMeetingState,
  evolve: evolveMeeting,
  decide: decideMeeting,
};
