import { EntityNotFound, unreachable, type Command, type Decider } from '#eventsourcing/decider.js';
import type { LocalizedText } from '../shared/localized-text.js';
import type { Membership } from '../shared/states.js';
import { changeMembershipStatus } from './membership.rules.js';
import { registerState } from './register-state.rules.js';
import type { RegisteredState, StateEvent, StateRecord } from './state.js';
import { evolveState, initialStateRecord } from './state.js';

export type RegisterState = Command<
  'RegisterState',
  {
    /** ISO 3166-1 alpha-2, or a user-assigned code such as XC for Northern Cyprus. */
    readonly code: string;
    readonly name: LocalizedText;
    readonly membership: Membership;
    /** YYYY-MM-DD: the day the membership began. */
    readonly since: string;
  }
>;

export type ChangeMembershipStatus = Command<
  'ChangeMembershipStatus',
  { readonly code: string; readonly membership: Membership; /** YYYY-MM-DD */ readonly since: string }
>;

export type StateCommand = RegisterState | ChangeMembershipStatus;

export function decideState(command: StateCommand, state: StateRecord): readonly StateEvent[] {
  switch (command.type) {
    case 'RegisterState':
      return registerState(command, state);
    case 'ChangeMembershipStatus':
      return changeMembershipStatus(command, registeredState(state, command.data.code));
    default:
      return unreachable(command);
  }
}

function registeredState(state: StateRecord, code: string): RegisteredState {
  if (state.status === 'unregistered') {
    throw new EntityNotFound('state.not-found', `state ${code} has not been registered`, 'code');
  }
  return state;
}

export const stateDecider: Decider<StateCommand, StateEvent, StateRecord> = {
  initialState: initialStateRecord,
  evolve: evolveState,
  decide: decideState,
};
