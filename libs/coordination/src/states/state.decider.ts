import { EntityNotFound, unreachable, type Decider } from '#eventsourcing/decider.js';
import { changeMembershipStatus } from './membership.rules.js';
import { registerState } from './register-state.rules.js';
import type { StateCommand } from './state.commands.js';
import type { RegisteredState, StateEvent, StateRecord } from './state.js';
import { evolveState, initialStateRecord } from './state.js';

export type { RegisterState, ChangeMembershipStatus, StateCommand } from './state.commands.js';

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
