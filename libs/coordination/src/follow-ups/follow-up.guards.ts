import { EntityNotFound, RuleViolation } from '#eventsourcing/decider.js';
import type { AssignedFollowUp, FollowUpState } from './follow-up.js';
import { isFinalImplementationStatus } from './follow-up.js';

/** Every command but AssignFollowUp needs the follow-up to exist. */
export function assignedFollowUp(state: FollowUpState, followUpId: string): AssignedFollowUp {
  if (state.status === 'unassigned') {
    throw new EntityNotFound(
      'followup.not-found',
      `follow-up ${followUpId} has not been assigned`,
      'followUpId',
    );
  }
  return state;
}

/** Implemented and not applicable are final: nothing changes after them. */
export function assertNotFinal(followUp: AssignedFollowUp): void {
  if (isFinalImplementationStatus(followUp.implementation)) {
    throw new RuleViolation(
      'followup.status-final',
      `follow-up ${followUp.followUpId} is ${followUp.implementation}, which is final`,
      'followUpId',
    );
  }
}
