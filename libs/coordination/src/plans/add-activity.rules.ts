import { RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import { activityFieldsOf } from '../shared/activity-fields.js';
import { assertText } from '../shared/required.js';
import type { AddActivityToPlan } from './joint-activity-plan.commands.js';
import type { ActivityAddedToPlan, DraftedPlan } from './joint-activity-plan.js';
import { assertPlanNotClosed } from './plan.guards.js';

export function addActivityToPlan(command: AddActivityToPlan, plan: DraftedPlan): [ActivityAddedToPlan] {
  const { planId, activityId, ...activity } = command.data;
  assertPlanNotClosed(plan);
  if (plan.status === 'adopted') {
    throw new RuleViolation(
      'plan.adopted-amend-instead',
      `plan ${plan.planId} is adopted: from now on it changes only by an amendment (AmendPlan) citing a decision`,
      'planId',
    );
  }
  assertText(activityId, 'activity.id-required', 'activityId');
  assertNotInPlan(activityId, plan, 'activityId');
  return [{ type: 'ActivityAddedToPlan', data: { planId, activityId, ...activityFieldsOf(activity) } }];
}

export function assertNotInPlan(activityId: string, plan: DraftedPlan, field: string): void {
  if (plan.activities.some((a) => a.activityId === activityId)) {
    throw new StateConflict(
      'activity.already-in-plan',
      `activity ${activityId} is already in plan ${plan.planId}`,
      field,
    );
  }
}
