import { unreachable, type DomainEvent } from '#eventsourcing/decider.js';
import type { IsoDate } from '../shared/iso-date.js';
import type { LocalizedText } from '../shared/localized-text.js';
import type { ActivityKind } from '../shared/activity-fields.js';

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

/**
 * Where an activity comes from: an activity of an adopted plan, or an "agreed to organise"
 * decision. Exactly one pair is set; the other is null.
 */
export interface ActivityOriginData {
  readonly planId: string | null;
  readonly planActivityId: string | null;
  readonly meetingId: string | null;
  readonly decisionId: string | null;
}

export interface ActivityDetails extends ActivityOriginData {
  readonly activityId: string;
  readonly kind: ActivityKind;
  readonly title: LocalizedText;
  readonly leadState: string;
  readonly leadInstitutionId: string | null;
  readonly participatingStates: readonly string[];
  readonly plannedStart: IsoDate;
  readonly plannedEnd: IsoDate;
  readonly city: string | null;
  readonly hostState: string | null;
  readonly withNgos: boolean | null;
}

export type ActivityScheduled = DomainEvent<'ActivityScheduled', ActivityDetails>;
export type ActivityStarted = DomainEvent<
  'ActivityStarted',
  { readonly activityId: string; readonly startedOn: IsoDate }
>;
export type ProgressReported = DomainEvent<
  'ProgressReported',
  {
    readonly activityId: string;
    readonly progress: number;
    readonly note: LocalizedText | null;
    readonly asOf: IsoDate;
  }
>;
export type ActivityCompleted = DomainEvent<
  'ActivityCompleted',
  { readonly activityId: string; readonly completedOn: IsoDate; readonly outcome: LocalizedText | null }
>;
/** Carries the dates it replaces, so that readers need not remember them. */
export type ActivityPostponed = DomainEvent<
  'ActivityPostponed',
  {
    readonly activityId: string;
    readonly previousStart: IsoDate;
    readonly previousEnd: IsoDate;
    readonly newStart: IsoDate;
    readonly newEnd: IsoDate;
    readonly reason: LocalizedText;
  }
>;
export type ActivityCancelled = DomainEvent<
  'ActivityCancelled',
  { readonly activityId: string; readonly reason: LocalizedText }
>;

export type ActivityEvent =
  | ActivityScheduled
  | ActivityStarted
  | ProgressReported
  | ActivityCompleted
  | ActivityPostponed
  | ActivityCancelled;

export type ActivityStatus = 'scheduled' | 'started' | 'completed' | 'cancelled';

export interface ScheduledActivity extends ActivityDetails {
  readonly status: ActivityStatus;
  readonly startedOn: IsoDate | null;
  readonly completedOn: IsoDate | null;
  /** 0-99 until completed, 100 once completed. */
  readonly progress: number;
  /** The date of the last progress report, if any. */
  readonly progressAsOf: IsoDate | null;
}

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
