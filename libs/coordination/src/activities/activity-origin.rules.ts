import { EntityNotFound, RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import type { ActivityKind } from '../shared/activity-fields.js';
import type { ActivityOriginData } from './activity.js';
import type { SchedulingFacts } from './scheduling-facts.js';

const isId = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/**
 * An activity comes from an activity listed in an adopted plan, or from a decision of kind
 * "agreed to organise"; returns the origin as the event records it.
 */
export function assertOrigin(
  origin: unknown,
  activityId: string,
  kind: ActivityKind,
  facts: SchedulingFacts,
): ActivityOriginData {
  const o = (typeof origin === 'object' && origin !== null ? origin : {}) as Record<string, unknown>;
  const fromPlan = isId(o['planId']) && isId(o['planActivityId']);
  const fromDecision = isId(o['meetingId']) && isId(o['decisionId']);
  if (fromPlan === fromDecision) {
    throw new RuleViolation(
      'activity.origin-invalid',
      'origin is either {planId, planActivityId} (an activity of an adopted plan) or {meetingId, decisionId} (an "agreed to organise" decision)',
      'origin',
    );
  }
  if (fromPlan) {
    const [planId, planActivityId] = [o['planId'] as string, o['planActivityId'] as string];
    assertPlanOrigin(planId, planActivityId, activityId, kind, facts);
    return { planId, planActivityId, meetingId: null, decisionId: null };
  }
  const [meetingId, decisionId] = [o['meetingId'] as string, o['decisionId'] as string];
  const decision = facts.decision;
  if (decision === null) {
    throw new EntityNotFound(
      'decision.not-found',
      `meeting ${meetingId} has no decision ${decisionId}`,
      'origin',
    );
  }
  if (decision.kind !== 'agreed-to-organise') {
    throw new RuleViolation(
      'activity.decision-not-agreed-to-organise',
      `decision ${decisionId} is "${decision.kind}"; activities come from decisions "agreed to organise"`,
      'origin',
    );
  }
  // A decision that lists the activities it asks for organises those only.
  const requests = decision.organise ?? [];
  const requested = requests.find((a) => a.activityId === activityId);
  if (requests.length > 0 && requested === undefined) {
    throw new RuleViolation(
      'activity.not-in-decision',
      `decision ${decisionId} asks to organise ${requests.map((a) => a.activityId).join(', ')}, not ${activityId}`,
      'origin',
    );
  }
  if (requested !== undefined && requested.kind !== kind) {
    throw new RuleViolation(
      'activity.kind-differs-from-decision',
      `decision ${decisionId} asks for ${activityId} as a ${requested.kind}, not a ${kind}`,
      'origin',
    );
  }
  return { planId: null, planActivityId: null, meetingId, decisionId };
}

function assertPlanOrigin(
  planId: string,
  planActivityId: string,
  activityId: string,
  kind: ActivityKind,
  facts: SchedulingFacts,
): void {
  const plan = facts.plan;
  if (plan === null)
    throw new EntityNotFound('plan.not-found', `plan ${planId} has not been drafted`, 'origin');
  if (plan.status !== 'adopted') {
    const [rule, why] =
      plan.status === 'closed'
        ? ['activity.plan-closed', 'is closed']
        : ['activity.plan-not-adopted', 'is not adopted yet'];
    throw new RuleViolation(rule, `plan ${planId} ${why}`, 'origin');
  }
  if (plan.activity === null) {
    throw new RuleViolation(
      'activity.not-in-plan',
      `plan ${planId} lists no activity ${planActivityId}`,
      'origin',
    );
  }
  if (plan.activity.kind !== kind) {
    throw new RuleViolation(
      'activity.kind-differs-from-plan',
      `plan ${planId} lists ${planActivityId} as a ${plan.activity.kind}, not a ${kind}`,
      'origin',
    );
  }
  const holder = facts.planActivityScheduledAs;
  if (holder !== null && holder !== activityId) {
    throw new StateConflict(
      'activity.plan-activity-already-scheduled',
      `activity ${planActivityId} of plan ${planId} is already scheduled as ${holder}`,
      'origin',
    );
  }
}
