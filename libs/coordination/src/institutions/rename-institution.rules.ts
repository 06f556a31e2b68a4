import { RuleViolation } from '#eventsourcing/decider.js';
import { assertIsoDate, compareIsoDates } from '../shared/iso-date.js';
import { assertLocalizedText, type LocalizedText } from '../shared/localized-text.js';
import type { RenameInstitution } from './institution.commands.js';
import type { InstitutionRenamed, RegisteredInstitution } from './institution.js';
import { dayBefore } from './calendar-day.js';
import { currentNamePeriod } from './institution.js';
import { assertParent } from './parent.rules.js';

/**
 * A rename (or a move under another body) opens a new name period after the current one began;
 * the current period ends the day before, so periods never overlap.
 */
export function renameInstitution(
  command: RenameInstitution,
  institution: RegisteredInstitution,
): [InstitutionRenamed] {
  const data = command.data;
  const current = currentNamePeriod(institution);
  assertLocalizedText(data.name, 'name');
  assertIsoDate(data.validFrom, 'validFrom');
  if (compareIsoDates(data.validFrom, current.validFrom) <= 0) {
    throw new RuleViolation(
      'institution.period-not-after-current',
      `the current name of ${institution.institutionId} is valid from ${current.validFrom}; a new one must begin after that day`,
      'validFrom',
    );
  }
  const parent = data.parent === undefined ? current.parent : data.parent;
  if (typeof parent === 'string' && data.parent !== undefined) {
    assertParent(institution.institutionId, institution.state, parent, data.facts.parent);
  }
  if (sameText(data.name, current.name) && parent === current.parent) {
    throw new RuleViolation(
      'institution.rename-unchanged',
      `${institution.institutionId} already has this name under this body`,
      'name',
    );
  }
  return [
    {
      type: 'InstitutionRenamed',
      data: {
        institutionId: institution.institutionId,
        name: data.name,
        parent,
        validFrom: data.validFrom,
        previousValidTo: dayBefore(data.validFrom),
      },
    },
  ];
}

function sameText(a: LocalizedText, b: LocalizedText): boolean {
  const sorted = (text: LocalizedText) =>
    JSON.stringify(Object.entries(text).sort(([x], [y]) => x.localeCompare(y)));
  return sorted(a) === sorted(b);
}
