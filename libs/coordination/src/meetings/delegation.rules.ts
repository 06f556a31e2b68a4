import { StateConflict } from '#eventsourcing/decider.js';
import { assertOneOf, assertOptionalText } from '../shared/required.js';
import { assertKnownState, membershipOf } from '../shared/states.js';
import type { AccreditDelegation } from './meeting.commands.js';
import type { DelegationAccredited, ScheduledMeeting } from './meeting.js';
import { DELEGATION_LEVELS, isAccredited } from './meeting.js';
import { assertNotClosed } from './meeting.guards.js';

/** Delegations may still arrive after the opening, but not once the meeting is closed. */
export function accreditDelegation(
  command: AccreditDelegation,
  meeting: ScheduledMeeting,
): [DelegationAccredited] {
  const data = command.data;
  assertNotClosed(meeting);
  assertKnownState(data.state, 'state');
  if (isAccredited(meeting, data.state)) {
    throw new StateConflict(
      'delegation.already-accredited',
      `the delegation of ${data.state} is already accredited to meeting ${meeting.meetingId}`,
      'state',
    );
  }
  assertOneOf(data.level, DELEGATION_LEVELS, 'delegation.level-unknown', 'level');
  assertOptionalText(data.headOfDelegation, 'delegation.head-blank', 'headOfDelegation');
  return [
    {
      type: 'DelegationAccredited',
      data: {
        meetingId: data.meetingId,
        state: data.state,
        membership: membershipOf(data.state),
        headOfDelegation: data.headOfDelegation ?? null,
        level: data.level,
      },
    },
  ];
}
