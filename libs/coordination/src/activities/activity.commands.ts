import type { Command } from '#eventsourcing/decider.js';
import type { LocalizedText } from '../shared/localized-text.js';
import type { ProgrammeKind } from './activity.js';
import type { ActivityOrigin, SchedulingFacts } from './scheduling-facts.js';

/** What ScheduleForum and ScheduleActivity share; dates are YYYY-MM-DD. */
export interface SchedulingData {
  readonly activityId: string;
  readonly title: LocalizedText;
  readonly origin: ActivityOrigin;
  readonly leadState: string;
  readonly leadInstitutionId?: string;
  readonly participatingStates: readonly string[];
  readonly plannedStart: string;
  readonly plannedEnd: string;
  readonly city?: string;
  readonly hostState?: string;
  readonly withNgos?: boolean;
  /** Read by the handler from other streams before deciding. */
  readonly facts: SchedulingFacts;
}

export type ScheduleForum = Command<'ScheduleForum', SchedulingData>;

export type ScheduleActivity = Command<'ScheduleActivity', SchedulingData & { readonly kind: ProgrammeKind }>;

export type StartActivity = Command<
  'StartActivity',
  { readonly activityId: string; readonly startedOn: string }
>;

export type ReportProgress = Command<
  'ReportProgress',
  {
    readonly activityId: string;
    readonly progress: number;
    readonly note?: LocalizedText;
    readonly asOf: string;
  }
>;

export type CompleteActivity = Command<
  'CompleteActivity',
  { readonly activityId: string; readonly completedOn: string; readonly outcome?: LocalizedText }
>;

export type PostponeActivity = Command<
  'PostponeActivity',
  {
    readonly activityId: string;
    readonly newStart: string;
    readonly newEnd: string;
    readonly reason: LocalizedText;
  }
>;

export type CancelActivity = Command<
  'CancelActivity',
  { readonly activityId: string; readonly reason: LocalizedText }
>;

export type ActivityCommand =
  | ScheduleForum
  | ScheduleActivity
  | StartActivity
  | ReportProgress
  | CompleteActivity
  | PostponeActivity
  | CancelActivity;
