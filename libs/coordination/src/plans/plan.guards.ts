import { EntityNotFound, RuleViolation } from '#eventsourcing/decider.js';
import type { DraftedPlan, PlanState } from './joint-activity-plan.js';

/** Every command but DraftPlan needs the plan to exist. */
export function existingPlan(state: PlanState, planId: string): DraftedPlan {
  if (state.status === 'none') {
    throw new EntityNotFound('plan.not-found', `plan ${planId} has not been drafted`, 'planId');
  }
  return state;
}

/** A closed plan is final: nothing is added, adopted or amended any more. */
export function assertPlanNotClosed(plan: DraftedPlan): void {
  if (plan.status === 'closed') {
    throw new RuleViolation(
      'plan.closed',
      `plan ${plan.planId} was closed on ${plan.closure?.closedOn}; it changes no more`,
      'planId',
    );
  }
}
