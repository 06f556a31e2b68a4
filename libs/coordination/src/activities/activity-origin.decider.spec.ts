import { EntityNotFound, RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import type { ActivityKind } from '../shared/activity-fields.js';
import type { DecisionActivityRequest } from '../shared/decision-facts.js';
import { given } from '../shared/testing/given-when-then.js';
import { activityDecider } from './activity.decider.js';
import type { PlanFacts, SchedulingFacts } from './scheduling-facts.js';
import {
  ACTIVITY_ID,
  MEMBERS,
  PLAN_ID,
  activityCommand,
  agreedToOrganise,
  forumData,
  fromDecision,
  fromPlan,
  planFactsOf,
  scheduled,
} from './testing/activity-fixtures.js';

const fromThePlan = (facts: Partial<SchedulingFacts>) =>
  activityCommand('ScheduleForum', forumData({ facts: planFactsOf(facts) }));
const plan = (status: PlanFacts['status'], kind: 'forum' | 'internship' | null = 'forum') => ({
  planId: PLAN_ID,
  status,
  activity: kind === null ? null : { activityId: fromPlan.planActivityId, kind },
});
const fromTheDecision = (decision: SchedulingFacts['decision']) =>
  activityCommand(
    'ScheduleForum',
    forumData({ origin: fromDecision, facts: planFactsOf({ plan: null, decision }) }),
  );

const request = (activityId: string, kind: ActivityKind = 'internship'): DecisionActivityRequest => ({
  activityId,
  kind,
  title: { en: activityId },
  leadState: 'TR',
  leadInstitutionId: null,
  participatingStates: MEMBERS,
  plannedStart: null,
  plannedEnd: null,
  city: null,
  withNgos: false,
});

describe('where an activity comes from', () => {
  it('accepts an activity of an adopted plan, retried under the same id', () => {
    given(activityDecider)
      .when(fromThePlan({ planActivityScheduledAs: ACTIVITY_ID }))
      .then([scheduled()]);
  });

  it('refuses a plan that does not exist', () => {
    given(activityDecider)
      .when(fromThePlan({ plan: null }))
      .thenRefuses(EntityNotFound, 'plan.not-found');
  });

  it('refuses a plan that is only drafted', () => {
    given(activityDecider)
      .when(fromThePlan({ plan: plan('drafted') }))
      .thenRefuses(RuleViolation, 'activity.plan-not-adopted');
  });

  it('refuses a plan that is closed', () => {
    given(activityDecider)
      .when(fromThePlan({ plan: plan('closed') }))
      .thenRefuses(RuleViolation, 'activity.plan-closed');
  });

  it('refuses an activity the plan does not list', () => {
    given(activityDecider)
      .when(fromThePlan({ plan: plan('adopted', null) }))
      .thenRefuses(RuleViolation, 'activity.not-in-plan');
  });

  it('refuses a forum that the plan lists as another kind', () => {
    given(activityDecider)
      .when(fromThePlan({ plan: plan('adopted', 'internship') }))
      .thenRefuses(RuleViolation, 'activity.kind-differs-from-plan');
  });

  it('refuses a plan activity already scheduled as another activity', () => {
    given(activityDecider)
      .when(fromThePlan({ planActivityScheduledAs: 'turkic-diaspora-forum-bis' }))
      .thenRefuses(StateConflict, 'activity.plan-activity-already-scheduled');
  });

  it('accepts a decision "agreed to organise"', () => {
    given(activityDecider)
      .when(fromTheDecision(agreedToOrganise()))
      .then([scheduled({ planId: null, planActivityId: null, ...fromDecision })]);
  });

  it('accepts an activity that the decision lists among those it asks to organise', () => {
    const decision = agreedToOrganise({
      organise: [request(ACTIVITY_ID, 'forum'), request('internship-2025')],
    });
    given(activityDecider)
      .when(fromTheDecision(decision))
      .then([scheduled({ planId: null, planActivityId: null, ...fromDecision })]);
  });

  it('refuses an activity that the decision does not list, or lists as another kind', () => {
    given(activityDecider)
      .when(fromTheDecision(agreedToOrganise({ organise: [request('internship-2025')] })))
      .thenRefuses(RuleViolation, 'activity.not-in-decision');
    given(activityDecider)
      .when(fromTheDecision(agreedToOrganise({ organise: [request(ACTIVITY_ID)] })))
      .thenRefuses(RuleViolation, 'activity.kind-differs-from-decision');
  });

  it('refuses a decision that does not exist', () => {
    given(activityDecider).when(fromTheDecision(null)).thenRefuses(EntityNotFound, 'decision.not-found');
  });

  it.each(['adopted', 'noted'] as const)('refuses a decision of kind %p', (kind) => {
    given(activityDecider)
      .when(fromTheDecision(agreedToOrganise({ kind })))
      .thenRefuses(RuleViolation, 'activity.decision-not-agreed-to-organise');
  });

  it.each([
    ['no origin', undefined],
    ['half a plan', { planId: PLAN_ID }],
    ['both a plan and a decision', { ...fromPlan, ...fromDecision }],
    ['blank ids', { planId: ' ', planActivityId: 'x' }],
  ])('refuses %s', (_case, origin) => {
    given(activityDecider)
      .when(activityCommand('ScheduleForum', forumData({ origin: origin as never })))
      .thenRefuses(RuleViolation, 'activity.origin-invalid');
  });
});
