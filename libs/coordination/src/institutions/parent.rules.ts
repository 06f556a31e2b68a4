import { EntityNotFound, RuleViolation } from '#eventsourcing/decider.js';
import { assertText } from '../shared/required.js';
import type { ParentInstitutionFacts } from './institution.commands.js';

/**
 * A parent body must be registered, belong to the same state (or both to the Secretariat), and
 * must not stand below the institution itself.
 */
export function assertParent(
  institutionId: string,
  state: string | null,
  parent: string,
  facts: ParentInstitutionFacts | null,
): void {
  assertText(parent, 'institution.parent-blank', 'parent');
  if (parent === institutionId || facts?.ancestors.includes(institutionId)) {
    throw new RuleViolation(
      'institution.parent-cycle',
      `${institutionId} cannot stand under ${parent}: ${parent} stands under ${institutionId}`,
      'parent',
    );
  }
  if (facts === null || facts.institutionId !== parent) {
    throw new EntityNotFound(
      'institution.parent-not-found',
      `institution ${parent} has not been registered`,
      'parent',
    );
  }
  if (facts.state !== state) {
    const of = (code: string | null) => (code === null ? 'the OTS Secretariat' : code);
    throw new RuleViolation(
      'institution.parent-of-another-state',
      `${parent} belongs to ${of(facts.state)}, ${institutionId} to ${of(state)}: a parent belongs to the same state`,
      'parent',
    );
  }
}
