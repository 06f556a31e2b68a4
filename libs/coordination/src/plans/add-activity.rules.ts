import { RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import { assertIsoDate, compareIsoDates } from '../shared/iso-date.js';
import { assertLocalizedText } from '../shared/localized-text.js';
import { assertOneOf, assertOptionalText, assertText } from '../shared/required.js';
import { assertKnownState, assertStateList } from '../shared/states.js';
import type { AddActivityToPlan } from './joint-activity-plan.decider.js';
import type { ActivityAddedToPlan, DraftedPlan } from './joint-activity-plan.js';
import { ACTIVITY_KINDS } from './joint-activity-plan.js';

export function addActivityToPlan(command: AddActivityToPlan, plan: DraftedPlan): [ActivityAddedToPlan] {
  const data = command.data;
  if (plan.status === 'adopted') {
    throw new RuleViolation(
      'plan.adopted-amend-instead',
      `plan ${plan.planId} is adopted: from now on it changes only by an amendment (AmendPlan) citing a decision`,
      'planId',
    );
  }
  assertText(data.activityId, 'activity.id-required', 'activityId');
  if (plan.activities.some((a) => a.activityId === data.activityId)) {
    throw new StateConflict(
      'activity.already-in-plan',
      `activity ${data.activityId} is already in plan ${plan.planId}`,
      'activityId',
    );
  }
  assertOneOf(data.kind, ACTIVITY_KINDS, 'activity.kind-unknown', 'kind');
  assertLocalizedText(data.title, 'title');
  assertStateList(data.participatingStates, 'participatingStates');
  assertKnownState(data.leadState, 'leadState');
  if (!data.participatingStates.includes(data.leadState)) {
    throw new RuleViolation(
      'activity.lead-not-participating',
      `the lead state ${data.leadState} must be one of the participating states`,
      'leadState',
    );
  }
  assertOptionalText(data.leadInstitutionId, 'activity.lead-institution-blank', 'leadInstitutionId');
  if (data.plannedStart !== undefined) assertIsoDate(data.plannedStart, 'plannedStart');
  if (data.plannedEnd !== undefined) assertIsoDate(data.plannedEnd, 'plannedEnd');
  if (data.plannedStart && data.plannedEnd && compareIsoDates(data.plannedEnd, data.plannedStart) < 0) {
    throw new RuleViolation(
      'activity.end-before-start',
      `the planned end ${data.plannedEnd} is before the planned start ${data.plannedStart}`,
      'plannedEnd',
    );
  }
  return [
    {
      type: 'ActivityAddedToPlan',
      data: {
        planId: data.planId,
        activityId: data.activityId,
        kind: data.kind,
        title: data.title,
        leadState: data.leadState,
        leadInstitutionId: data.leadInstitutionId ?? null,
        participatingStates: [...data.participatingStates],
        plannedStart: data.plannedStart ?? null,
        plannedEnd: data.plannedEnd ?? null,
      },
    },
  ];
}
