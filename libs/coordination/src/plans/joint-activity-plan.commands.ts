import type { Command } from '#eventsourcing/decider.js';
import type { ActivityFieldsInput } from '../shared/activity-fields.js';
import type { DecisionFacts, DecisionRef } from '../shared/decision-facts.js';
import type { LocalizedText } from '../shared/localized-text.js';
import type { ActivityKind } from './joint-activity-plan.js';

export type DraftPlan = Command<
  'DraftPlan',
  { readonly planId: string; readonly seriesId: string; readonly year: number; readonly title: LocalizedText }
>;

export type AddActivityToPlan = Command<
  'AddActivityToPlan',
  {
    readonly planId: string;
    readonly activityId: string;
    readonly kind: ActivityKind;
    readonly title: LocalizedText;
    readonly leadState: string;
    readonly leadInstitutionId?: string;
    readonly participatingStates: readonly string[];
    /** YYYY-MM-DD */
    readonly plannedStart?: string;
    /** YYYY-MM-DD */
    readonly plannedEnd?: string;
  }
>;

/** What the AdoptPlan handler reads from other streams before deciding. */
export interface AdoptionFacts {
  /** The cited decision as its meeting knows it; null when there is no such decision. */
  readonly decision: DecisionFacts | null;
  /** The plan already adopted for this plan's series and year, if any. */
  readonly adoptedPlanOfSeriesYear: string | null;
}

export type AdoptPlan = Command<
  'AdoptPlan',
  { readonly planId: string; readonly decision: DecisionRef; readonly facts: AdoptionFacts }
>;

/** What the AmendPlan handler reads from other streams before deciding. */
export interface AmendmentFacts {
  /** The cited decision as its meeting knows it; null when there is no such decision. */
  readonly decision: DecisionFacts | null;
}

export type AmendPlan = Command<
  'AmendPlan',
  {
    readonly planId: string;
    readonly amendmentId: string;
    readonly decision: DecisionRef;
    readonly changes: {
      readonly addActivities?: readonly (ActivityFieldsInput & { readonly activityId: string })[];
      readonly removeActivityIds?: readonly string[];
      readonly retitle?: LocalizedText;
    };
    readonly facts: AmendmentFacts;
  }
>;

export type ClosePlan = Command<
  'ClosePlan',
  {
    readonly planId: string;
    /** YYYY-MM-DD */
    readonly closedOn: string;
    readonly reason?: LocalizedText;
  }
>;

export type PlanCommand = DraftPlan | AddActivityToPlan | AdoptPlan | AmendPlan | ClosePlan;
