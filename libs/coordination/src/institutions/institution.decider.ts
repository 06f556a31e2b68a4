import { EntityNotFound, unreachable, type Decider } from '#eventsourcing/decider.js';
import type { InstitutionCommand } from './institution.commands.js';
import type { InstitutionEvent, InstitutionState, RegisteredInstitution } from './institution.js';
import { evolveInstitution, initialInstitutionState } from './institution.js';
import { registerInstitution } from './register-institution.rules.js';
import { renameInstitution } from './rename-institution.rules.js';

export type {
  ParentInstitutionFacts,
  RegisterInstitution,
  RenameInstitution,
  InstitutionCommand,
} from './institution.commands.js';

export function decideInstitution(
  command: InstitutionCommand,
  state: InstitutionState,
): readonly InstitutionEvent[] {
  switch (command.type) {
    case 'RegisterInstitution':
      return registerInstitution(command, state);
    case 'RenameInstitution':
      return renameInstitution(command, registeredInstitution(state, command.data.institutionId));
    default:
      return unreachable(command);
  }
}

function registeredInstitution(state: InstitutionState, institutionId: string): RegisteredInstitution {
  if (state.status === 'unregistered') {
    throw new EntityNotFound(
      'institution.not-found',
      `institution ${institutionId} has not been registered`,
      'institutionId',
    );
  }
  return state;
}

export const institutionDecider: Decider<InstitutionCommand, InstitutionEvent, InstitutionState> = {
  initialState: initialInstitutionState,
  evolve: evolveInstitution,
  decide: decideInstitution,
};
