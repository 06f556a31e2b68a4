import { unreachable, type DomainEvent } from '#eventsourcing/decider.js';
import type { ActivityFields } from '../shared/activity-fields.js';
import type { DecisionRef } from '../shared/decision-facts.js';
import type { IsoDate } from '../shared/iso-date.js';
import type { LocalizedText } from '../shared/localized-text.js';

export { ACTIVITY_KINDS, type ActivityKind } from '../shared/activity-fields.js';

export const planStream = (planId: string): string => `plan-${planId}`;

export interface PlanDetails {
  readonly planId: string;
  readonly seriesId: string;
  readonly year: number;
  readonly title: LocalizedText;
}

export interface PlannedActivity extends ActivityFields {
  readonly activityId: string;
}

/** The decision a plan was adopted by, and the member states that adopted it. */
export interface PlanAdoption {
  readonly decision: DecisionRef;
  readonly adoptedOn: IsoDate;
  readonly adoptingStates: readonly string[];
}

/** An amendment of an adopted plan and the decision it cites; `amendedOn` is that meeting's date. */
export interface PlanAmendment {
  readonly amendmentId: string;
  readonly decision: DecisionRef;
  readonly amendedOn: IsoDate;
}

export interface PlanClosure {
  readonly closedOn: IsoDate;
  readonly reason: LocalizedText | null;
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

/** Self-describing: the activities added in full, the ids removed, the new title or null. */
export type PlanAmended = DomainEvent<
  'PlanAmended',
  { readonly planId: string } & PlanAmendment & {
      readonly addedActivities: readonly PlannedActivity[];
      readonly removedActivityIds: readonly string[];
      readonly newTitle: LocalizedText | null;
    }
>;

export type PlanClosed = DomainEvent<'PlanClosed', { readonly planId: string } & PlanClosure>;

export type PlanEvent = PlanDrafted | ActivityAddedToPlan | PlanAdopted | PlanAmended | PlanClosed;

export type PlanStatus = 'drafted' | 'adopted' | 'closed';

export interface DraftedPlan extends PlanDetails {
  readonly status: PlanStatus;
  readonly activities: readonly PlannedActivity[];
  readonly adoption: PlanAdoption | null;
  readonly amendments: readonly PlanAmendment[];
  readonly closure: PlanClosure | null;
}

export type PlanState = { readonly status: 'none' } | DraftedPlan;

export const initialPlanState = (): PlanState => ({ status: 'none' });

export function evolvePlan(state: PlanState, event: PlanEvent): PlanState {
  if (event.type === 'PlanDrafted') {
    return {
      ...event.data,
      status: 'drafted',
      activities: [],
      adoption: null,
      amendments: [],
      closure: null,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'ActivityAddedToPlan': {
      const { planId: _planId, ...activity } = event.data;
      return { ...state, activities: [...state.activities, activity] };
    }
    case 'PlanAdopted': {
      const { decision, adoptedOn, adoptingStates } = event.data;
      return { ...state, status: 'adopted', adoption: { decision, adoptedOn, adoptingStates } };
    }
    case 'PlanAmended': {
      const { amendmentId, decision, amendedOn, addedActivities, removedActivityIds, newTitle } = event.data;
      const kept = state.activities.filter((a) => !removedActivityIds.includes(a.activityId));
      return {
        ...state,
        title: newTitle ?? state.title,
        activities: [...kept, ...addedActivities],
        amendments: [...state.amendments, { amendmentId, decision, amendedOn }],
      };
    }
    case 'PlanClosed': {
      const { closedOn, reason } = event.data;
      return { ...state, status: 'closed', closure: { closedOn, reason } };
    }
    default:
      return unreachable(event);
  }
}
