import { EntityNotFound, unreachable, type Command, type Decider } from '#eventsourcing/decider.js';
import type { DecisionFacts, DecisionRef } from '../shared/decision-facts.js';
import type { LocalizedText } from '../shared/localized-text.js';
import { addActivityToPlan } from './add-activity.rules.js';
import { adoptPlan } from './adopt-plan.rules.js';
import { draftPlan } from './draft-plan.rules.js';
import type { ActivityKind, DraftedPlan, PlanEvent, PlanState } from './joint-activity-plan.js';
import { evolvePlan, initialPlanState } from './joint-activity-plan.js';

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

export type PlanCommand = DraftPlan | AddActivityToPlan | AdoptPlan;

export function decidePlan(command: PlanCommand, state: PlanState): readonly PlanEvent[] {
  switch (command.type) {
    case 'DraftPlan':
      return draftPlan(command, state);
    case 'AddActivityToPlan':
      return addActivityToPlan(command, existingPlan(state, command.data.planId));
    case 'AdoptPlan':
      return adoptPlan(command, existingPlan(state, command.data.planId));
    default:
      return unreachable(command);
  }
}

function existingPlan(state: PlanState, planId: string): DraftedPlan {
  if (state.status === 'none') {
    throw new EntityNotFound('plan.not-found', `plan ${planId} has not been drafted`, 'planId');
  }
  return state;
}

export const planDecider: Decider<PlanCommand, PlanEvent, PlanState> = {
  initialState: initialPlanState,
  evolve: evolvePlan,
  decide: decidePlan,
};
