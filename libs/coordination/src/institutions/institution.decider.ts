import { EntityNotFound, unreachable, type Command, type Decider } from '#eventsourcing/decider.js';
import type { LocalizedText } from '../shared/localized-text.js';
import type { StateFacts } from '../states/state-facts.js';
import type { InstitutionEvent, InstitutionState, RegisteredInstitution } from './institution.js';
import { evolveInstitution, initialInstitutionState } from './institution.js';
import { registerInstitution } from './register-institution.rules.js';
import { renameInstitution } from './rename-institution.rules.js';

/** What the handler reads of a cited parent institution before deciding. */
export interface ParentInstitutionFacts {
  readonly institutionId: string;
  readonly state: string | null;
  /** The bodies above the parent today, nearest first, to refuse a cycle. */
  readonly ancestors: readonly string[];
}

export type RegisterInstitution = Command<
  'RegisterInstitution',
  {
    readonly institutionId: string;
    /** The state's code, or null for the OTS Secretariat. */
    readonly state: string | null;
    readonly name: LocalizedText;
    readonly parent?: string;
    /** YYYY-MM-DD: the first day of its first name period. */
    readonly validFrom: string;
    /** The state as the State aggregate knows it (null when unregistered or for the Secretariat), and the parent. */
    readonly facts: { readonly state: StateFacts | null; readonly parent: ParentInstitutionFacts | null };
  }
>;

export type RenameInstitution = Command<
  'RenameInstitution',
  {
    readonly institutionId: string;
    readonly name: LocalizedText;
    /** YYYY-MM-DD: the first day of the new name period. */
    readonly validFrom: string;
    /** Absent: stays under the same body; null: under none any more; an id: moved under it. */
    readonly parent?: string | null;
    readonly facts: { readonly parent: ParentInstitutionFacts | null };
  }
>;

export type InstitutionCommand = RegisterInstitution | RenameInstitution;

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
