/**
 * The wire shape of the meeting and activity events the calendar reads. Read models depend on the
 * published event shapes (the event catalogue), not on the domain's code.
 */
export interface MeetingScheduledData {
  readonly meetingId: string;
  readonly seriesId: string;
  readonly number: number;
  readonly title: Record<string, string>;
  readonly hostState: string;
  readonly hostInstitutionId: string | null;
  readonly city: string;
  /** YYYY-MM-DD */
  readonly date: string;
}

export interface DelegationAccreditedData {
  readonly meetingId: string;
  readonly state: string;
}

/** MeetingConvened and MeetingClosed: the calendar reads only which meeting. */
export interface MeetingStepData {
  readonly meetingId: string;
}

/** Exactly one pair is set: a plan's activity, or an "agreed to organise" decision. */
export interface ActivityScheduledData {
  readonly activityId: string;
  readonly kind: string;
  readonly title: Record<string, string>;
  readonly planId: string | null;
  readonly planActivityId: string | null;
  readonly meetingId: string | null;
  readonly decisionId: string | null;
  readonly leadState: string;
  readonly participatingStates: readonly string[];
  readonly plannedStart: string;
  readonly plannedEnd: string;
  readonly city: string | null;
  readonly hostState: string | null;
}

export interface ActivityStartedData {
  readonly activityId: string;
  readonly startedOn: string;
}

export interface ActivityCompletedData {
  readonly activityId: string;
  readonly completedOn: string;
}

export interface ActivityPostponedData {
  readonly activityId: string;
  readonly previousStart: string;
  readonly previousEnd: string;
  readonly newStart: string;
  readonly newEnd: string;
}

export interface ActivityCancelledData {
  readonly activityId: string;
}
