import { RuleViolation } from '#eventsourcing/decider.js';
import { assertIsoDate, compareIsoDates } from '../shared/iso-date.js';
import { assertOneOf } from '../shared/required.js';
import type { ChangeMembershipStatus } from './state.commands.js';
import type { MembershipStatusChanged, RegisteredState } from './state.js';
import { STATE_MEMBERSHIPS } from './state.js';

/** A change must change the status, and begin after the current status began: periods never overlap. */
export function changeMembershipStatus(
  command: ChangeMembershipStatus,
  state: RegisteredState,
): [MembershipStatusChanged] {
  const data = command.data;
  assertOneOf(data.membership, STATE_MEMBERSHIPS, 'state.membership-unknown', 'membership');
  assertIsoDate(data.since, 'since');
  if (data.membership === state.membership) {
    throw new RuleViolation(
      'state.membership-unchanged',
      `${state.code} is already ${state.membership} (since ${state.since})`,
      'membership',
    );
  }
  if (compareIsoDates(data.since, state.since) <= 0) {
    throw new RuleViolation(
      'state.membership-change-backdated',
      `${state.code} is ${state.membership} since ${state.since}; a change must begin after that day`,
      'since',
    );
  }
  return [
    {
      type: 'MembershipStatusChanged',
      data: {
        code: state.code,
        membership: data.membership,
        previousMembership: state.membership,
        since: data.since,
      },
    },
  ];
}
