import { Type } from 'typebox';
import { unreachable, type DomainEvent } from '#eventsourcing/decider.js';
import { id, nullable, oneOf, record, type Payload } from '../schemas/schema-kit.js';
import { DecisionRefSchema } from '../shared/decision-facts.js';
import { IsoDateSchema } from '../shared/iso-date.js';
import { LocalizedTextSchema } from '../shared/localized-text.js';
import { StateCodeSchema } from '../shared/states.js';

export const followUpStream = (followUpId: string): string => `followup-${followUpId}`;

export const ImplementationStatusSchema = oneOf([
  'not-started',
  'in-progress',
  'implemented',
  'not-applicable',
]);

export type ImplementationStatus = Type.Static<typeof ImplementationStatusSchema>;

export const IMPLEMENTATION_STATUSES: readonly ImplementationStatus[] = ImplementationStatusSchema.enum;

/** Once implemented or found not applicable, a follow-up is done with. */
export const FINAL_IMPLEMENTATION_STATUSES: readonly ImplementationStatus[] = [
  'implemented',
  'not-applicable',
];

export const FollowUpAssigneeSchema = record(
  { state: nullable(StateCodeSchema), institutionId: nullable(id()) },
  {
    description:
      'Who is to act: a state, one of its institutions, or an institution of the Secretariat (state null)',
  },
);

/** Who is to act: a state, one of its institutions, or an institution of the Secretariat (state null). */
export type FollowUpAssignee = Payload<typeof FollowUpAssigneeSchema>;

const followUpId = id();

export const FollowUpAssignedData = record(
  {
    followUpId,
    decision: DecisionRefSchema,
    decidedOn: IsoDateSchema,
    assignee: FollowUpAssigneeSchema,
    description: LocalizedTextSchema,
    dueDate: nullable(IsoDateSchema),
  },
  {
    description:
      "A follow-up of a decision is assigned. `decidedOn` is the day of the decision's meeting, " +
      'kept for provenance and date checks',
  },
);

export type FollowUpAssigned = DomainEvent<'FollowUpAssigned', Payload<typeof FollowUpAssignedData>>;

export const ImplementationStatusUpdatedData = record(
  {
    followUpId,
    status: ImplementationStatusSchema,
    previousStatus: ImplementationStatusSchema,
    note: nullable(LocalizedTextSchema),
  },
  { description: 'The implementation status of a follow-up changed' },
);

export type ImplementationStatusUpdated = DomainEvent<
  'ImplementationStatusUpdated',
  Payload<typeof ImplementationStatusUpdatedData>
>;

export const ReviewScheduledData = record(
  { followUpId, reviewOn: IsoDateSchema, meetingId: nullable(id('The meeting that is to review it')) },
  { description: 'A review of a follow-up is scheduled, possibly at a meeting' },
);

export type ReviewScheduled = DomainEvent<'ReviewScheduled', Payload<typeof ReviewScheduledData>>;

export type FollowUpEvent = FollowUpAssigned | ImplementationStatusUpdated | ReviewScheduled;

export type FollowUpReview = Omit<ReviewScheduled['data'], 'followUpId'>;

export type FollowUpDetails = FollowUpAssigned['data'];

export type AssignedFollowUp = FollowUpDetails & {
  readonly status: 'assigned';
  readonly implementation: ImplementationStatus;
  readonly reviews: readonly FollowUpReview[];
};

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
