import { RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import { assertIsoDate } from '../shared/iso-date.js';
import { assertLocalizedText } from '../shared/localized-text.js';
import { assertOptionalText, assertText } from '../shared/required.js';
import { assertKnownState } from '../shared/states.js';
import type { CloseMeeting, ConveneMeeting, ScheduleMeeting } from './meeting.commands.js';
import type {
  MeetingClosed,
  MeetingConvened,
  MeetingScheduled,
  MeetingState,
  ScheduledMeeting,
} from './meeting.js';
import { accreditedMemberStates, isAccredited } from './meeting.js';
import { assertNotClosed } from './meeting.guards.js';
import { MEETING_QUORUM, hasQuorum } from './quorum.js';

export function scheduleMeeting(command: ScheduleMeeting, state: MeetingState): [MeetingScheduled] {
  const data = command.data;
  if (state.status !== 'unscheduled') {
    throw new StateConflict(
      'meeting.already-scheduled',
      `meeting ${data.meetingId} is already scheduled`,
      'meetingId',
    );
  }
  assertText(data.meetingId, 'meeting.id-required', 'meetingId');
  assertText(data.seriesId, 'meeting.series-required', 'seriesId');
  if (!Number.isInteger(data.number) || data.number < 1) {
    throw new RuleViolation(
      'meeting.number-invalid',
      'the meeting number is a whole number from 1',
      'number',
    );
  }
  assertLocalizedText(data.title, 'title');
  assertKnownState(data.hostState, 'hostState');
  assertOptionalText(data.hostInstitutionId, 'meeting.host-institution-blank', 'hostInstitutionId');
  assertText(data.city, 'meeting.city-required', 'city');
  assertIsoDate(data.date, 'date');
  return [
    {
      type: 'MeetingScheduled',
      data: {
        meetingId: data.meetingId,
        seriesId: data.seriesId,
        number: data.number,
        title: data.title,
        hostState: data.hostState,
        hostInstitutionId: data.hostInstitutionId ?? null,
        city: data.city,
        date: data.date,
      },
    },
  ];
}

export function conveneMeeting(command: ConveneMeeting, meeting: ScheduledMeeting): [MeetingConvened] {
  assertNotClosed(meeting);
  if (meeting.status === 'convened') {
    throw new StateConflict('meeting.already-convened', `meeting ${meeting.meetingId} has already convened`);
  }
  if (!isAccredited(meeting, meeting.hostState)) {
    throw new RuleViolation(
      'meeting.host-not-accredited',
      `the host state ${meeting.hostState} must be accredited before the meeting convenes`,
    );
  }
  const members = accreditedMemberStates(meeting);
  if (!hasQuorum(members)) {
    throw new RuleViolation(
      'meeting.quorum-not-reached',
      `a quorum is ${MEETING_QUORUM} accredited member states (observers do not count); ${members.length} accredited`,
    );
  }
  return [
    { type: 'MeetingConvened', data: { meetingId: command.data.meetingId, memberStatesPresent: members } },
  ];
}

export function closeMeeting(command: CloseMeeting, meeting: ScheduledMeeting): [MeetingClosed] {
  if (meeting.status === 'closed') {
    throw new StateConflict('meeting.already-closed', `meeting ${meeting.meetingId} is already closed`);
  }
  if (meeting.status !== 'convened') {
    throw new RuleViolation('meeting.not-convened', `meeting ${meeting.meetingId} has not convened yet`);
  }
  return [{ type: 'MeetingClosed', data: { meetingId: command.data.meetingId } }];
}
