import { Type } from 'typebox';
import { unreachable, type DomainEvent } from '#eventsourcing/decider.js';
import { id, nullable, record, text, type Payload } from '../schemas/schema-kit.js';
import { ActivityKindSchema, type ActivityKind } from '../shared/activity-fields.js';
import { IsoDateSchema, type IsoDate } from '../shared/iso-date.js';
import { LocalizedTextSchema } from '../shared/localized-text.js';
import { StateCodeSchema } from '../shared/states.js';

export const activityStream = (activityId: string): string => `activity-${activityId}`;

/** The kinds ScheduleActivity takes; forums are scheduled with ScheduleForum. */
export type ProgrammeKind = Exclude<ActivityKind, 'forum'>;

export const PROGRAMME_KINDS: readonly ProgrammeKind[] = [
  'exchange-programme',
  'training-programme',
  'internship',
  'meeting-round',
  'other',
];

const ActivityOriginSchema = record({
  planId: nullable(id()),
  planActivityId: nullable(id()),
  meetingId: nullable(id()),
  decisionId: nullable(id()),
});

/**
 * Where an activity comes from: an activity of an adopted plan, or an "agreed to organise"
 * decision. Exactly one pair is set; the other is null.
 */
export type ActivityOriginData = Payload<typeof ActivityOriginSchema>;

const activityId = id();

export const ActivityScheduledData = record(
  {
    activityId,
    ...ActivityOriginSchema.properties,
    kind: ActivityKindSchema,
    title: LocalizedTextSchema,
    leadState: StateCodeSchema,
    leadInstitutionId: nullable(id()),
    participatingStates: Type.Array(StateCodeSchema, { minItems: 1, uniqueItems: true }),
    plannedStart: IsoDateSchema,
    plannedEnd: IsoDateSchema,
    city: nullable(text()),
    hostState: nullable(StateCodeSchema),
    withNgos: nullable(Type.Boolean()),
  },
  {
    description:
      'An activity (forum, programme, training, exchange, internship, next meeting round) is scheduled, ' +
      'from an activity of an adopted plan (planId, planActivityId) or from a decision "agreed to ' +
      'organise" (meetingId, decisionId); the other pair is null',
  },
);

export type ActivityDetails = Payload<typeof ActivityScheduledData>;

export type ActivityScheduled = DomainEvent<'ActivityScheduled', ActivityDetails>;

export const ActivityStartedData = record(
  { activityId, startedOn: IsoDateSchema },
  { description: 'The activity started on the day given' },
);

export type ActivityStarted = DomainEvent<'ActivityStarted', Payload<typeof ActivityStartedData>>;

export const ProgressReportedData = record(
  {
    activityId,
    progress: Type.Integer({ minimum: 0, maximum: 99, description: 'Per cent done; 100 only by completing' }),
    note: nullable(LocalizedTextSchema),
    asOf: IsoDateSchema,
  },
  { description: 'Progress of a started activity is reported as it stood on a day' },
);

export type ProgressReported = DomainEvent<'ProgressReported', Payload<typeof ProgressReportedData>>;

export const ActivityCompletedData = record(
  { activityId, completedOn: IsoDateSchema, outcome: nullable(LocalizedTextSchema) },
  { description: 'The activity was completed; it is final' },
);

export type ActivityCompleted = DomainEvent<'ActivityCompleted', Payload<typeof ActivityCompletedData>>;

export const ActivityPostponedData = record(
  {
    activityId,
    previousStart: IsoDateSchema,
    previousEnd: IsoDateSchema,
    newStart: IsoDateSchema,
    newEnd: IsoDateSchema,
    reason: LocalizedTextSchema,
  },
  {
    description:
      'The activity moved to new planned dates. Carries the dates it replaces, so that readers need not remember them',
  },
);

export type ActivityPostponed = DomainEvent<'ActivityPostponed', Payload<typeof ActivityPostponedData>>;

export const ActivityCancelledData = record(
  { activityId, reason: LocalizedTextSchema },
  { description: 'The activity was cancelled; it is final' },
);

export type ActivityCancelled = DomainEvent<'ActivityCancelled', Payload<typeof ActivityCancelledData>>;

export type ActivityEvent =
  | ActivityScheduled
  | ActivityStarted
  | ProgressReported
  | ActivityCompleted
  | ActivityPostponed
  | ActivityCancelled;

export type ActivityStatus = 'scheduled' | 'started' | 'completed' | 'cancelled';

export type ScheduledActivity = ActivityDetails & {
  readonly status: ActivityStatus;
  readonly startedOn: IsoDate | null;
  readonly completedOn: IsoDate | null;
  /** 0-99 until completed, 100 once completed. */
  readonly progress: number;
  /** The date of the last progress report, if any. */
  readonly progressAsOf: IsoDate | null;
};

export type ActivityState = { readonly status: 'none' } | ScheduledActivity;

export const initialActivityState = (): ActivityState => ({ status: 'none' });

export function evolveActivity(state: ActivityState, event: ActivityEvent): ActivityState {
  if (event.type === 'ActivityScheduled') {
    return {
      ...event.data,
      status: 'scheduled',
      startedOn: null,
      completedOn: null,
      progress: 0,
      progressAsOf: null,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'ActivityStarted':
      return { ...state, status: 'started', startedOn: event.data.startedOn };
    case 'ProgressReported':
      return { ...state, progress: event.data.progress, progressAsOf: event.data.asOf };
    case 'ActivityCompleted':
      return { ...state, status: 'completed', completedOn: event.data.completedOn, progress: 100 };
    case 'ActivityPostponed':
      return { ...state, plannedStart: event.data.newStart, plannedEnd: event.data.newEnd };
    case 'ActivityCancelled':
      return { ...state, status: 'cancelled' };
    default:
      return unreachable(event);
  }
}
