import { unreachable, type Command, type Decider } from '#eventsourcing/decider.js';
import type { DecisionKind } from '../shared/decision-facts.js';
import type { LocalizedText } from '../shared/localized-text.js';
import { accreditDelegation } from './delegation.rules.js';
import { recordDecision } from './decision.rules.js';
import type { DelegationLevel, MeetingEvent, MeetingState } from './meeting.js';
import { evolveMeeting, initialMeetingState } from './meeting.js';
import { existingMeeting } from './meeting.guards.js';
import { closeMeeting, conveneMeeting, scheduleMeeting } from './meeting-lifecycle.rules.js';

export type ScheduleMeeting = Command<
  'ScheduleMeeting',
  {
    readonly meetingId: string;
    readonly seriesId: string;
    readonly number: number;
    readonly title: LocalizedText;
    readonly hostState: string;
    readonly hostInstitutionId?: string;
    readonly city: string;
    /** YYYY-MM-DD */
    readonly date: string;
  }
>;

export type AccreditDelegation = Command<
  'AccreditDelegation',
  {
    readonly meetingId: string;
    readonly state: string;
    readonly headOfDelegation?: string;
    readonly level: DelegationLevel;
  }
>;

export type ConveneMeeting = Command<'ConveneMeeting', { readonly meetingId: string }>;

export type RecordDecision = Command<
  'RecordDecision',
  {
    readonly meetingId: string;
    readonly decisionId: string;
    readonly kind: DecisionKind;
    readonly text: LocalizedText;
    readonly subject?: { readonly planId?: string };
    readonly adoptingStates: readonly string[];
  }
>;

export type CloseMeeting = Command<'CloseMeeting', { readonly meetingId: string }>;

export type MeetingCommand =
  ScheduleMeeting | AccreditDelegation | ConveneMeeting | RecordDecision | CloseMeeting;

export function decideMeeting(command: MeetingCommand, state: MeetingState): readonly MeetingEvent[] {
  switch (command.type) {
    case 'ScheduleMeeting':
      return scheduleMeeting(command, state);
    case 'AccreditDelegation':
      return accreditDelegation(command, existingMeeting(state, command.data.meetingId));
    case 'ConveneMeeting':
      return conveneMeeting(command, existingMeeting(state, command.data.meetingId));
    case 'RecordDecision':
      return recordDecision(command, existingMeeting(state, command.data.meetingId));
    case 'CloseMeeting':
      return closeMeeting(command, existingMeeting(state, command.data.meetingId));
    default:
      return unreachable(command);
  }
}

export const meetingDecider: Decider<MeetingCommand, MeetingEvent, MeetingState> = {
  initialState: initialMeetingState,
  evolve: evolveMeeting,
  decide: decideMeeting,
};
