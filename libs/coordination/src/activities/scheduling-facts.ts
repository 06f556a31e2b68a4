import type { DecisionFacts } from '../shared/decision-facts.js';
import type { ActivityKind } from '../shared/activity-fields.js';
import type { PlanState } from '../plans/joint-activity-plan.js';

/** An activity listed in a joint activity plan. */
export interface PlanOrigin {
  readonly planId: string;
  readonly planActivityId: string;
}

/** A decision of kind "agreed to organise" recorded at a meeting. */
export interface DecisionOrigin {
  readonly meetingId: string;
  readonly decisionId: string;
}

export type ActivityOrigin = PlanOrigin | DecisionOrigin;

/** What the plan an activity comes from says; null in the facts when there is no such plan. */
export interface PlanFacts {
  readonly planId: string;
  /** Activities are scheduled only from an adopted plan, not a draft nor a closed one. */
  readonly status: 'drafted' | 'adopted' | 'closed';
  /** The plan's activity this one carries out; null when the plan does not list it. */
  readonly activity: { readonly activityId: string; readonly kind: ActivityKind } | null;
}

/** The lead institution as the Institution aggregate knows it; `state` null for the Secretariat. */
export interface LeadInstitutionFacts {
  readonly institutionId: string;
  readonly state: string | null;
}

/**
 * What the scheduling handlers read from other streams and pass in the command, so that
 * `decide` stays pure. A fact that does not apply (or does not exist) is null.
 */
export interface SchedulingFacts {
  readonly plan: PlanFacts | null;
  readonly decision: DecisionFacts | null;
  readonly leadInstitution: LeadInstitutionFacts | null;
  /** The activity already scheduled from the same plan activity, if any. */
  readonly planActivityScheduledAs: string | null;
}

/** What a folded plan says of one of its activities, for the scheduling handlers to prefetch. */
export function planFacts(plan: PlanState, planActivityId: string): PlanFacts | null {
  if (plan.status === 'none') return null;
  const listed = plan.activities.find((a) => a.activityId === planActivityId);
  return {
    planId: plan.planId,
    status: plan.status,
    activity: listed ? { activityId: listed.activityId, kind: listed.kind } : null,
  };
}
