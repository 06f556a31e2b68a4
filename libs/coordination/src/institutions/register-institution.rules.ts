import { EntityNotFound, RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import { assertIsoDate } from '../shared/iso-date.js';
import { assertLocalizedText } from '../shared/localized-text.js';
import { assertText } from '../shared/required.js';
import type { RegisterInstitution } from './institution.commands.js';
import type { InstitutionRegistered, InstitutionState } from './institution.js';
import { assertParent } from './parent.rules.js';

export function registerInstitution(
  command: RegisterInstitution,
  state: InstitutionState,
): [InstitutionRegistered] {
  const data = command.data;
  if (state.status === 'registered') {
    throw new StateConflict(
      'institution.already-registered',
      `institution ${data.institutionId} is already registered`,
      'institutionId',
    );
  }
  assertText(data.institutionId, 'institution.id-required', 'institutionId');
  if (data.state === undefined) {
    throw new RuleViolation(
      'institution.state-required',
      'give the state the institution belongs to, or null for the OTS Secretariat',
      'state',
    );
  }
  if (data.state !== null && (data.facts.state === null || data.facts.state.code !== data.state)) {
    throw new EntityNotFound(
      'state.not-found',
      `state ${String(data.state)} has not been registered; register it first, or give null for the OTS Secretariat`,
      'state',
    );
  }
  assertLocalizedText(data.name, 'name');
  assertIsoDate(data.validFrom, 'validFrom');
  if (data.parent !== undefined) assertParent(data.institutionId, data.state, data.parent, data.facts.parent);
  return [
    {
      type: 'InstitutionRegistered',
      data: {
        institutionId: data.institutionId,
        state: data.state,
        name: data.name,
        parent: data.parent ?? null,
        validFrom: data.validFrom,
      },
    },
  ];
}
