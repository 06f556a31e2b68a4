import { unreachable, type DomainEvent } from '#eventsourcing/decider.js';
import type { DecisionRef } from '../shared/decision-facts.js';
import type { IsoDate } from '../shared/iso-date.js';
import type { LocalizedText } from '../shared/localized-text.js';

export const followUpStream = (followUpId: string): string => `followup-${followUpId}`;

export type ImplementationStatus = 'not-started' | 'in-progress' | 'implemented' | 'not-applicable';

export const IMPLEMENTATION_STATUSES: readonly ImplementationStatus[] = [
  'not-started',
  'in-progress',
  'implemented',
  'not-applicable',
];

/** Once implemented or found not applicable, a follow-up is done with. */
export const FINAL_IMPLEMENTATION_STATUSES: readonly ImplementationStatus[] = [
  'implemented',
  'not-applicable',
];

/** Who is to act: a state, one of its institutions, or an institution of the Secretariat (state null). */
export interface FollowUpAssignee {
  readonly state: string | null;
  readonly institutionId: string | null;
}

/** `decidedOn` is the day of the decision's meeting, kept for provenance and date checks. */
export type FollowUpAssigned = DomainEvent<
  'FollowUpAssigned',
  {
    readonly followUpId: string;
    readonly decision: DecisionRef;
    readonly decidedOn: IsoDate;
    readonly assignee: FollowUpAssignee;
    readonly description: LocalizedText;
    readonly dueDate: IsoDate | null;
  }
>;

export type ImplementationStatusUpdated = DomainEvent<
  'ImplementationStatusUpdated',
  {
    readonly followUpId: string;
    readonly status: ImplementationStatus;
    readonly previousStatus: ImplementationStatus;
    readonly note: LocalizedText | null;
  }
>;

export type ReviewScheduled = DomainEvent<
  'ReviewScheduled',
  { readonly followUpId: string; readonly reviewOn: IsoDate; readonly meetingId: string | null }
>;

export type FollowUpEvent = FollowUpAssigned | ImplementationStatusUpdated | ReviewScheduled;

export type FollowUpReview = Omit<ReviewScheduled['data'], 'followUpId'>;

export type FollowUpDetails = FollowUpAssigned['data'];

export interface AssignedFollowUp extends FollowUpDetails {
  readonly status: 'assigned';
  readonly implementation: ImplementationStatus;
  readonly reviews: readonly FollowUpReview[];
}

export type FollowUpState = { readonly status: 'unassigned' } | AssignedFollowUp;

export const initialFollowUpState = (): FollowUpState => ({ status: 'unassigned' });

export function evolveFollowUp(state: FollowUpState, event: FollowUpEvent): FollowUpState {
  switch (event.type) {
    case 'FollowUpAssigned':
      return { ...event.data, status: 'assigned', implementation: 'not-started', reviews: [] };
    case 'ImplementationStatusUpdated':
      return state.status === 'unassigned' ? state : { ...state, implementation: event.data.status };
    case 'ReviewScheduled': {
      if (state.status === 'unassigned') return state;
      const { followUpId: _followUpId, ...review } = event.data;
      return { ...state, reviews: [...state.reviews, review] };
    }
    default:
      return unreachable(event);
  }
}

export function isFinalImplementationStatus(status: ImplementationStatus): boolean {
  return FINAL_IMPLEMENTATION_STATUSES.includes(status);
}
