import { RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import { assertIsoDate, compareIsoDates, isIsoDate } from '../shared/iso-date.js';
import { assertLocalizedText } from '../shared/localized-text.js';
import type { ClosePlan } from './joint-activity-plan.commands.js';
import type { DraftedPlan, PlanClosed } from './joint-activity-plan.js';

/** An adopted plan is closed once its year's work is done or abandoned; closing is final. */
export function closePlan(command: ClosePlan, plan: DraftedPlan): [PlanClosed] {
  const { closedOn, reason } = command.data;
  if (plan.status === 'closed') {
    throw new StateConflict('plan.already-closed', `plan ${plan.planId} is already closed`, 'planId');
  }
  if (plan.status !== 'adopted' || plan.adoption === null) {
    throw new RuleViolation(
      'plan.not-adopted',
      `plan ${plan.planId} is a draft; only an adopted plan is closed`,
      'planId',
    );
  }
  assertIsoDate(closedOn, 'closedOn');
  if (compareIsoDates(closedOn, plan.adoption.adoptedOn) < 0) {
    throw new RuleViolation(
      'plan.closed-before-adoption',
      `plan ${plan.planId} was adopted on ${plan.adoption.adoptedOn}; it cannot be closed on ${closedOn}`,
      'closedOn',
    );
  }
  const today = command.metadata.recordedAt.slice(0, 10);
  if (isIsoDate(today) && compareIsoDates(closedOn, today) > 0) {
    throw new RuleViolation(
      'plan.closed-in-the-future',
      `a plan is closed on a day that has come (${closedOn} is after ${today})`,
      'closedOn',
    );
  }
  if (reason !== undefined && reason !== null) assertLocalizedText(reason, 'reason');
  return [{ type: 'PlanClosed', data: { planId: plan.planId, closedOn, reason: reason ?? null } }];
}
