import { unreachable, type Command, type Decider } from '#eventsourcing/decider.js';
import type { ActivityFieldsInput } from '../shared/activity-fields.js';
import type { DecisionFacts, DecisionRef } from '../shared/decision-facts.js';
import type { LocalizedText } from '../shared/localized-text.js';
import { addActivityToPlan } from './add-activity.rules.js';
import { adoptPlan } from './adopt-plan.rules.js';
import { amendPlan } from './amend-plan.rules.js';
import { closePlan } from './close-plan.rules.js';
import { draftPlan } from './draft-plan.rules.js';
import type { ActivityKind, PlanEvent, PlanState } from './joint-activity-plan.js';
import { evolvePlan, initialPlanState } from './joint-activity-plan.js';
import { existingPlan } from './plan.guards.js';

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

export function decidePlan(command: PlanCommand, state: PlanState): readonly PlanEvent[] {
  switch (command.type) {
    case 'DraftPlan':
      return draftPlan(command, state);
    case 'AddActivityToPlan':
      return addActivityToPlan(command, existingPlan(state, command.data.planId));
    case 'AdoptPlan':
      return adoptPlan(command, existingPlan(state, command.data.planId));
    case 'AmendPlan':
      return amendPlan(command, existingPlan(state, command.data.planId));
    case 'ClosePlan':
      return closePlan(command, existingPlan(state, command.data.planId));
    default:
      return unreachable(command);
  }
}

export const planDecider: Decider<PlanCommand, PlanEvent, PlanState> = {
  initialState: initialPlanState,
  evolve: evolvePlan,
  decide: decidePlan,
};
