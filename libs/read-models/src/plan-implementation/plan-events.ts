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
