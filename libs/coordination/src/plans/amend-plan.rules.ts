import { EntityNotFound, RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import { activityFieldsOf, type ActivityFieldsInput } from '../shared/activity-fields.js';
import type { DecisionFacts } from '../shared/decision-facts.js';
import { compareIsoDates } from '../shared/iso-date.js';
import { assertLocalizedText } from '../shared/localized-text.js';
import { assertText } from '../shared/required.js';
import { objectOf, optionalList } from '../shared/shapes.js';
import { assertNotInPlan } from './add-activity.rules.js';
import type { AmendPlan } from './joint-activity-plan.commands.js';
import type { DraftedPlan, PlanAmended, PlannedActivity } from './joint-activity-plan.js';
import { assertPlanNotClosed } from './plan.guards.js';

/** After adoption a plan changes only by an amendment that cites a binding decision. */
export function amendPlan(command: AmendPlan, plan: DraftedPlan): [PlanAmended] {
  const { amendmentId, decision: cited, facts } = command.data;
  assertPlanNotClosed(plan);
  if (plan.status !== 'adopted' || plan.adoption === null) {
    throw new RuleViolation(
      'plan.not-adopted',
      `plan ${plan.planId} is not adopted yet: add or leave out activities before adopting it`,
      'planId',
    );
  }
  assertText(amendmentId, 'amendment.id-required', 'amendmentId');
  if (plan.amendments.some((a) => a.amendmentId === amendmentId)) {
    throw new StateConflict(
      'amendment.already-recorded',
      `plan ${plan.planId} already has amendment ${amendmentId}`,
      'amendmentId',
    );
  }
  if (facts.decision === null) {
    throw new EntityNotFound(
      'decision.not-found',
      `meeting ${cited.meetingId} has no decision ${cited.decisionId}`,
      'decision',
    );
  }
  assertAmends(facts.decision, plan, plan.adoption.adoptedOn);
  const changes = objectOf(command.data.changes, 'amendment.no-changes', 'changes');
  const removed = removals(changes.removeActivityIds, plan);
  const added = additions(changes.addActivities, plan);
  const newTitle = changes.retitle ?? null;
  if (newTitle !== null) assertLocalizedText(newTitle, 'changes.retitle');
  if (removed.length === 0 && added.length === 0 && newTitle === null) {
    throw new RuleViolation(
      'amendment.no-changes',
      'an amendment adds, removes or retitles something',
      'changes',
    );
  }
  if (plan.activities.length - removed.length + added.length === 0) {
    throw new RuleViolation(
      'amendment.plan-left-empty',
      `an amendment may not remove every activity of plan ${plan.planId}; close the plan instead`,
      'changes.removeActivityIds',
    );
  }
  const decision = { meetingId: cited.meetingId, decisionId: cited.decisionId };
  return [
    {
      type: 'PlanAmended',
      data: {
        planId: plan.planId,
        amendmentId,
        decision,
        amendedOn: facts.decision.meetingDate,
        addedActivities: added,
        removedActivityIds: removed,
        newTitle,
      },
    },
  ];
}

function assertAmends(decision: DecisionFacts, plan: DraftedPlan, adoptedOn: string): void {
  const refuse = (rule: string, message: string) => new RuleViolation(rule, message, 'decision');
  if (decision.kind === 'noted') {
    throw refuse('amendment.decision-not-binding', 'a decision that was only noted does not amend a plan');
  }
  if (!decision.meetingConvened) {
    throw refuse('amendment.decision-meeting-not-convened', `meeting ${decision.meetingId} never convened`);
  }
  if (decision.subject.planId !== null && decision.subject.planId !== plan.planId) {
    throw refuse(
      'amendment.decision-about-another-plan',
      `the cited decision is about plan ${decision.subject.planId}, not ${plan.planId}`,
    );
  }
  if (compareIsoDates(decision.meetingDate, adoptedOn) < 0) {
    throw refuse(
      'amendment.decision-before-adoption',
      `the cited decision (${decision.meetingDate}) is older than the plan's adoption (${adoptedOn})`,
    );
  }
}

function removals(value: unknown, plan: DraftedPlan): string[] {
  const field = 'changes.removeActivityIds';
  const ids = optionalList(value, 'amendment.changes-invalid', field);
  ids.forEach((id, index) => {
    assertText(id, 'activity.id-required', `${field}[${index}]`);
    if (ids.indexOf(id) !== index) {
      throw new RuleViolation(
        'amendment.activity-listed-twice',
        `${field} lists ${id} twice`,
        `${field}[${index}]`,
      );
    }
    if (!plan.activities.some((a) => a.activityId === id)) {
      throw new RuleViolation(
        'amendment.activity-not-in-plan',
        `plan ${plan.planId} has no activity ${id} to remove`,
        `${field}[${index}]`,
      );
    }
  });
  return [...ids] as string[];
}

function additions(value: unknown, plan: DraftedPlan): PlannedActivity[] {
  const listed = new Set<string>();
  return optionalList(value, 'amendment.changes-invalid', 'changes.addActivities').map((entry, index) => {
    const at = (field: string) => `changes.addActivities[${index}].${field}`;
    const activity = objectOf(entry, 'amendment.changes-invalid', `changes.addActivities[${index}]`);
    const activityId = activity.activityId;
    assertText(activityId, 'activity.id-required', at('activityId'));
    assertNotInPlan(activityId, plan, at('activityId'));
    if (listed.has(activityId)) {
      throw new RuleViolation(
        'amendment.activity-listed-twice',
        `the amendment adds ${activityId} twice`,
        at('activityId'),
      );
    }
    listed.add(activityId);
    return { activityId, ...activityFieldsOf(activity as unknown as ActivityFieldsInput, at) };
  });
}
