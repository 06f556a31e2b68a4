import { RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import { assertIsoDate } from '../shared/iso-date.js';
import { assertLocalizedText } from '../shared/localized-text.js';
import { assertOneOf } from '../shared/required.js';
import type { RegisterState } from './state.commands.js';
import type { StateRecord, StateRegistered } from './state.js';
import { STATE_MEMBERSHIPS } from './state.js';

/** Two upper-case letters: ISO 3166-1 alpha-2, or a user-assigned code (XA-XZ, QM-QZ, AA, ZZ). */
export const STATE_CODE = /^[A-Z]{2}$/;

export function registerState(command: RegisterState, state: StateRecord): [StateRegistered] {
  const data = command.data;
  if (typeof data.code !== 'string' || !STATE_CODE.test(data.code)) {
    throw new RuleViolation(
      'state.code-invalid',
      'a state code is two upper-case letters: ISO 3166-1 alpha-2 or user-assigned such as XC',
      'code',
    );
  }
  if (state.status === 'registered') {
    throw new StateConflict('state.already-registered', `state ${data.code} is already registered`, 'code');
  }
  assertLocalizedText(data.name, 'name');
  assertOneOf(data.membership, STATE_MEMBERSHIPS, 'state.membership-unknown', 'membership');
  assertIsoDate(data.since, 'since');
  return [
    {
      type: 'StateRegistered',
      data: { code: data.code, name: data.name, membership: data.membership, since: data.since },
    },
  ];
}
