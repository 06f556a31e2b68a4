import { Type } from 'typebox';
import { unreachable, type DomainEvent } from '#eventsourcing/decider.js';
import { id, nullable, record, type Payload } from '../schemas/schema-kit.js';
import { ActivityFieldsSchema } from '../shared/activity-fields.js';
import { DecisionRefSchema } from '../shared/decision-facts.js';
import { IsoDateSchema } from '../shared/iso-date.js';
import { LocalizedTextSchema } from '../shared/localized-text.js';
import { StateCodeSchema } from '../shared/states.js';

export { ACTIVITY_KINDS, type ActivityKind } from '../shared/activity-fields.js';

export const planStream = (planId: string): string => `plan-${planId}`;

const planId = id();

export const PlanDraftedData = record(
  {
    planId,
    seriesId: id(),
    year: Type.Integer({ description: 'The year the plan is for' }),
    title: LocalizedTextSchema,
  },
  { description: 'A joint activity plan of a meeting series for a year is drafted' },
);

export type PlanDetails = Payload<typeof PlanDraftedData>;

export const PlannedActivitySchema = record({ activityId: id(), ...ActivityFieldsSchema.properties });

export type PlannedActivity = Payload<typeof PlannedActivitySchema>;

const PlanAdoptionSchema = record({
  decision: DecisionRefSchema,
  adoptedOn: IsoDateSchema,
  adoptingStates: Type.Array(StateCodeSchema, { uniqueItems: true }),
});

/** The decision a plan was adopted by, and the member states that adopted it. */
export type PlanAdoption = Payload<typeof PlanAdoptionSchema>;

const PlanAmendmentSchema = record({
  amendmentId: id(),
  decision: DecisionRefSchema,
  amendedOn: IsoDateSchema,
});

/** An amendment of an adopted plan and the decision it cites; `amendedOn` is that meeting's date. */
export type PlanAmendment = Payload<typeof PlanAmendmentSchema>;

const PlanClosureSchema = record({ closedOn: IsoDateSchema, reason: nullable(LocalizedTextSchema) });

export type PlanClosure = Payload<typeof PlanClosureSchema>;

export type PlanDrafted = DomainEvent<'PlanDrafted', PlanDetails>;

export const ActivityAddedToPlanData = record(
  { planId, ...PlannedActivitySchema.properties },
  { description: 'An activity is added to a plan that is still a draft' },
);

export type ActivityAddedToPlan = DomainEvent<'ActivityAddedToPlan', Payload<typeof ActivityAddedToPlanData>>;

export const PlanAdoptedData = record(
  { planId, seriesId: id(), year: Type.Integer(), ...PlanAdoptionSchema.properties },
  { description: 'The plan is adopted by a decision of a convened meeting, by the member states named' },
);

export type PlanAdopted = DomainEvent<'PlanAdopted', Payload<typeof PlanAdoptedData>>;

export const PlanAmendedData = record(
  {
    planId,
    ...PlanAmendmentSchema.properties,
    addedActivities: Type.Array(PlannedActivitySchema),
    removedActivityIds: Type.Array(id()),
    newTitle: nullable(LocalizedTextSchema),
  },
  {
    description:
      'An adopted plan is amended by a decision. Self-describing: the activities added in full, ' +
      'the ids removed, the new title or null',
  },
);

export type PlanAmended = DomainEvent<'PlanAmended', Payload<typeof PlanAmendedData>>;

export const PlanClosedData = record(
  { planId, ...PlanClosureSchema.properties },
  { description: 'The plan is closed: its year is over or it was replaced' },
);

export type PlanClosed = DomainEvent<'PlanClosed', Payload<typeof PlanClosedData>>;

export type PlanEvent = PlanDrafted | ActivityAddedToPlan | PlanAdopted | PlanAmended | PlanClosed;

export type PlanStatus = 'drafted' | 'adopted' | 'closed';

export type DraftedPlan = PlanDetails & {
  readonly status: PlanStatus;
  readonly activities: readonly PlannedActivity[];
  readonly adoption: PlanAdoption | null;
  readonly amendments: readonly PlanAmendment[];
  readonly closure: PlanClosure | null;
};

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
