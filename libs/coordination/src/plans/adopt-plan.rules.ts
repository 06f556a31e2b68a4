import { EntityNotFound, RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import type { DecisionFacts } from '../shared/decision-facts.js';
import { yearOf } from '../shared/iso-date.js';
import { isMemberState } from '../shared/states.js';
import type { AdoptPlan } from './joint-activity-plan.commands.js';
import type { DraftedPlan, PlanAdopted } from './joint-activity-plan.js';
import { assertPlanNotClosed } from './plan.guards.js';

export function adoptPlan(command: AdoptPlan, plan: DraftedPlan): [PlanAdopted] {
  const { decision: cited, facts } = command.data;
  assertPlanNotClosed(plan);
  if (plan.status === 'adopted') {
    throw new StateConflict('plan.already-adopted', `plan ${plan.planId} is already adopted`, 'planId');
  }
  if (plan.activities.length === 0) {
    throw new RuleViolation('plan.no-activities', `plan ${plan.planId} has no activity to adopt`, 'planId');
  }
  const decision = facts.decision;
  if (decision === null) {
    throw new EntityNotFound(
      'decision.not-found',
      `meeting ${cited.meetingId} has no decision ${cited.decisionId}`,
      'decision',
    );
  }
  assertAdoptsThisPlan(decision, plan);
  // Each state once, whatever the facts passed in say: the event's schema promises a set.
  const adoptingStates = decision.adoptingStates.filter(
    (state, index, all) =>
      isMemberState(state) && decision.accreditedMemberStates.includes(state) && all.indexOf(state) === index,
  );
  if (adoptingStates.length === 0) {
    throw new RuleViolation(
      'plan.no-adopting-member-states',
      'no accredited member state adopted the decision; observers do not count towards adoption',
      'decision',
    );
  }
  if (facts.adoptedPlanOfSeriesYear !== null && facts.adoptedPlanOfSeriesYear !== plan.planId) {
    throw new StateConflict(
      'plan.series-year-already-adopted',
      `plan ${facts.adoptedPlanOfSeriesYear} is already adopted for ${plan.seriesId} ${plan.year}`,
      'planId',
    );
  }
  return [
    {
      type: 'PlanAdopted',
      data: {
        planId: plan.planId,
        seriesId: plan.seriesId,
        year: plan.year,
        decision: { meetingId: cited.meetingId, decisionId: cited.decisionId },
        adoptedOn: decision.meetingDate,
        adoptingStates,
      },
    },
  ];
}

function assertAdoptsThisPlan(decision: DecisionFacts, plan: DraftedPlan): void {
  const refuse = (rule: string, message: string) => new RuleViolation(rule, message, 'decision');
  if (decision.kind !== 'adopted') {
    throw refuse('plan.decision-not-adoption', `the cited decision is "${decision.kind}", not "adopted"`);
  }
  if (!decision.meetingConvened) {
    throw refuse('plan.decision-meeting-not-convened', `meeting ${decision.meetingId} never convened`);
  }
  if (decision.subject.planId !== plan.planId) {
    throw refuse(
      'plan.decision-about-another-subject',
      `the cited decision is not about plan ${plan.planId}`,
    );
  }
  if (yearOf(decision.meetingDate) > plan.year) {
    throw refuse(
      'plan.adopted-after-its-year',
      `a plan for ${plan.year} cannot be adopted at a meeting held on ${decision.meetingDate}`,
    );
  }
}
