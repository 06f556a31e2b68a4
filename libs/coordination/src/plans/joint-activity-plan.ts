import { unreachable, type DomainEvent } from '#eventsourcing/decider.js';
import type { DecisionRef } from '../shared/decision-facts.js';
import type { IsoDate } from '../shared/iso-date.js';
import type { LocalizedText } from '../shared/localized-text.js';

export const planStream = (planId: string): string => `plan-${planId}`;

export type ActivityKind =
  'forum' | 'exchange-programme' | 'training-programme' | 'internship' | 'meeting-round' | 'other';

export const ACTIVITY_KINDS: readonly ActivityKind[] = [
  'forum',
  'exchange-programme',
  'training-programme',
  'internship',
  'meeting-round',
  'other',
];

export interface PlanDetails {
  readonly planId: string;
  readonly seriesId: string;
  readonly year: number;
  readonly title: LocalizedText;
}

export interface PlannedActivity {
  readonly activityId: string;
  readonly kind: ActivityKind;
  readonly title: LocalizedText;
  readonly leadState: string;
  readonly leadInstitutionId: string | null;
  readonly participatingStates: readonly string[];
  readonly plannedStart: IsoDate | null;
  readonly plannedEnd: IsoDate | null;
}

/** The decision a plan was adopted by, and the member states that adopted it. */
export interface PlanAdoption {
  readonly decision: DecisionRef;
  readonly adoptedOn: IsoDate;
  readonly adoptingStates: readonly string[];
}

export type PlanDrafted = DomainEvent<'PlanDrafted', PlanDetails>;

export type ActivityAddedToPlan = DomainEvent<
  'ActivityAddedToPlan',
  { readonly planId: string } & PlannedActivity
>;

export type PlanAdopted = DomainEvent<
  'PlanAdopted',
  { readonly planId: string; readonly seriesId: string; readonly year: number } & PlanAdoption
>;

export type PlanEvent = PlanDrafted | ActivityAddedToPlan | PlanAdopted;

export interface DraftedPlan extends PlanDetails {
  readonly status: 'drafted' | 'adopted';
  readonly activities: readonly PlannedActivity[];
  readonly adoption: PlanAdoption | null;
}

export type PlanState = { readonly status: 'none' } | DraftedPlan;

export const initialPlanState = (): PlanState => ({ status: 'none' });

export function evolvePlan(state: PlanState, event: PlanEvent): PlanState {
  switch (event.type) {
    case 'PlanDrafted':
      return { ...event.data, status: 'drafted', activities: [], adoption: null };
    case 'ActivityAddedToPlan': {
      if (state.status === 'none') return state;
      const { planId: _planId, ...activity } = event.data;
      return { ...state, activities: [...state.activities, activity] };
    }
    case 'PlanAdopted': {
      if (state.status === 'none') return state;
      const { decision, adoptedOn, adoptingStates } = event.data;
      return { ...state, status: 'adopted', adoption: { decision, adoptedOn, adoptingStates } };
    }
    default:
      return unreachable(event);
  }
}
