import { EntityNotFound, RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import type { DecisionFacts } from '../shared/decision-facts.js';
import { given } from '../shared/testing/given-when-then.js';
import type { AdoptionFacts } from './joint-activity-plan.commands.js';
import { planDecider } from './joint-activity-plan.decider.js';
import type { PlanAdopted } from './joint-activity-plan.js';
import {
  CITED,
  PLAN_ID,
  activityAdded,
  decisionFactsOf,
  drafted,
  planCommand,
} from './testing/plan-fixtures.js';

const adopt = (facts: Partial<AdoptionFacts> = {}) =>
  planCommand('AdoptPlan', {
    planId: PLAN_ID,
    decision: CITED,
    facts: { decision: decisionFactsOf(), adoptedPlanOfSeriesYear: null, ...facts },
  });
const citing = (decision: Partial<DecisionFacts>) => adopt({ decision: decisionFactsOf(decision) });

const adopted = (adoptingStates: string[] = ['AZ', 'KZ', 'KG', 'TR', 'UZ']): PlanAdopted => ({
  type: 'PlanAdopted',
  data: {
    planId: PLAN_ID,
    seriesId: 'diaspora-ministerial',
    year: 2025,
    decision: CITED,
    adoptedOn: '2024-11-18',
    adoptingStates,
  },
});
const withActivity = [drafted, activityAdded()];

describe('AdoptPlan', () => {
  it('adopts a drafted plan citing the adopted decision of a convened meeting', () => {
    given(planDecider, withActivity).when(adopt()).then([adopted()]);
  });

  it('lists only the accredited member states among the adopting states', () => {
    given(planDecider, withActivity)
      .when(citing({ adoptingStates: ['UZ', 'HU', 'TR', 'KG'], accreditedMemberStates: ['UZ', 'TR', 'AZ'] }))
      .then([adopted(['UZ', 'TR'])]);
  });

  it('accepts the plan itself as the adopted plan of its series and year (a retried adoption)', () => {
    given(planDecider, withActivity)
      .when(adopt({ adoptedPlanOfSeriesYear: PLAN_ID }))
      .then([adopted()]);
  });

  it('refuses to adopt a plan never drafted', () => {
    given(planDecider).when(adopt()).thenRefuses(EntityNotFound, 'plan.not-found');
  });

  it('refuses to adopt a plan without activities', () => {
    given(planDecider, [drafted]).when(adopt()).thenRefuses(RuleViolation, 'plan.no-activities');
  });

  it('refuses to adopt twice', () => {
    given(planDecider, [...withActivity, adopted()])
      .when(adopt())
      .thenRefuses(StateConflict, 'plan.already-adopted');
  });

  it('refuses a decision that does not exist', () => {
    given(planDecider, withActivity)
      .when(adopt({ decision: null }))
      .thenRefuses(EntityNotFound, 'decision.not-found');
  });

  it.each(['agreed-to-organise', 'noted'] as const)('refuses a decision of kind %p', (kind) => {
    given(planDecider, withActivity)
      .when(citing({ kind }))
      .thenRefuses(RuleViolation, 'plan.decision-not-adoption');
  });

  it('refuses a decision of a meeting that never convened', () => {
    given(planDecider, withActivity)
      .when(citing({ meetingConvened: false }))
      .thenRefuses(RuleViolation, 'plan.decision-meeting-not-convened');
  });

  it.each([{ planId: 'plan-diaspora-2024' }, { planId: null }])('refuses a decision about %p', (subject) => {
    given(planDecider, withActivity)
      .when(citing({ subject }))
      .thenRefuses(RuleViolation, 'plan.decision-about-another-subject');
  });

  it('refuses a decision taken after the plan year', () => {
    given(planDecider, withActivity)
      .when(citing({ meetingDate: '2026-01-15' }))
      .thenRefuses(RuleViolation, 'plan.adopted-after-its-year');
  });

  it('refuses a decision adopted by observers only: observers do not count', () => {
    given(planDecider, withActivity)
      .when(citing({ adoptingStates: ['HU', 'TM', 'XC'] }))
      .thenRefuses(RuleViolation, 'plan.no-adopting-member-states');
  });

  it('refuses adopting states whose delegations were not accredited', () => {
    given(planDecider, withActivity)
      .when(citing({ adoptingStates: ['TR'], accreditedMemberStates: ['UZ', 'AZ', 'KZ'] }))
      .thenRefuses(RuleViolation, 'plan.no-adopting-member-states');
  });

  it('refuses a second adopted plan for the same series and year', () => {
    given(planDecider, withActivity)
      .when(adopt({ adoptedPlanOfSeriesYear: 'plan-diaspora-2025-bis' }))
      .thenRefuses(StateConflict, 'plan.series-year-already-adopted');
  });
});
