/**
 * The wire shape of the plan events this read model reads. Read models depend on the
 * published event shapes (the event catalogue), not on the domain's code.
 */
export interface PlanDraftedData {
  readonly planId: string;
  readonly seriesId: string;
  readonly year: number;
  readonly title: Record<string, string>;
}

export interface ActivityAddedData {
  readonly planId: string;
  readonly activityId: string;
  readonly kind: string;
  readonly title: Record<string, string>;
  readonly leadState: string;
  readonly leadInstitutionId: string | null;
  readonly participatingStates: string[];
  readonly plannedStart: string | null;
  readonly plannedEnd: string | null;
}

export interface PlanAdoptedData {
  readonly planId: string;
  readonly decision: { readonly meetingId: string; readonly decisionId: string };
  readonly adoptedOn: string;
  readonly adoptingStates: string[];
}

export type PlannedActivityData = Omit<ActivityAddedData, 'planId'>;

export interface PlanAmendedData {
  readonly planId: string;
  readonly amendmentId: string;
  readonly decision: { readonly meetingId: string; readonly decisionId: string };
  readonly amendedOn: string;
  readonly addedActivities: PlannedActivityData[];
  readonly removedActivityIds: string[];
  readonly newTitle: Record<string, string> | null;
}

export interface PlanClosedData {
  readonly planId: string;
  readonly closedOn: string;
  readonly reason: Record<string, string> | null;
}
