/**
 * The wire shape of the events the decision register reads. Read models depend on the published
 * event shapes (the event catalogue), not on the domain's code. Parts a decision recorded before
 * they existed does not carry are optional here.
 */
export type Text = Record<string, string>;

export interface DecisionRef {
  readonly meetingId: string;
  readonly decisionId: string;
}

export interface MeetingScheduledData {
  readonly meetingId: string;
  readonly seriesId: string;
  readonly number: number;
  readonly title: Text;
  readonly hostState: string;
  readonly hostInstitutionId?: string | null;
  readonly city: string;
  readonly date: string;
}

export interface AgendaItemAddedData {
  readonly meetingId: string;
  readonly itemId: string;
  readonly title: Text;
  readonly order: number;
}

export interface DecisionDocumentData {
  readonly documentId: string | null;
  readonly title: Text;
  readonly url: string | null;
}

export interface DecisionRecordedData extends DecisionRef {
  readonly kind: string;
  readonly text: Text;
  readonly subject?: { readonly planId: string | null };
  readonly adoptingStates: string[];
  readonly agendaItemId?: string | null;
  readonly documents?: DecisionDocumentData[];
  readonly citesStrategicDocuments?: string[];
}

export interface RecordCorrectedData {
  readonly meetingId: string;
  readonly correctionId: string;
  readonly target: { readonly kind: string; readonly id: string };
  readonly field: string;
  readonly originalValue: unknown;
  readonly correctedValue: unknown;
  readonly reason: Text;
}

export interface StrategicDocumentRegisteredData {
  readonly documentId: string;
  readonly title: Text;
}

export interface PlanDraftedData {
  readonly planId: string;
  readonly year: number;
  readonly title: Text;
}

export interface PlanAdoptedData {
  readonly planId: string;
  readonly decision: DecisionRef;
  readonly adoptedOn: string;
}

export interface PlanAmendedData {
  readonly planId: string;
  readonly amendmentId: string;
  readonly decision: DecisionRef;
  readonly amendedOn: string;
  readonly addedActivities: { readonly activityId: string }[];
  readonly removedActivityIds: string[];
  readonly newTitle: Text | null;
}

/** Exactly one origin is set: a plan activity, or a decision (`meetingId`, `decisionId`). */
export interface ActivityScheduledData {
  readonly activityId: string;
  readonly kind: string;
  readonly title: Text;
  readonly leadState: string;
  readonly plannedStart: string;
  readonly plannedEnd: string;
  readonly meetingId: string | null;
  readonly decisionId: string | null;
}

export interface FollowUpAssignedData {
  readonly followUpId: string;
  readonly decision: DecisionRef;
  readonly assignee: { readonly state: string | null; readonly institutionId: string | null };
  readonly description: Text;
  readonly dueDate: string | null;
}

export interface ImplementationStatusUpdatedData {
  readonly followUpId: string;
  readonly status: string;
}

export interface ReviewScheduledData {
  readonly followUpId: string;
  readonly reviewOn: string;
  readonly meetingId: string | null;
}

/** ActivityStarted, ProgressReported, ActivityCompleted, ActivityPostponed, ActivityCancelled: the fields read. */
export interface ActivityLifeData {
  readonly activityId: string;
  readonly progress?: number;
  readonly newStart?: string;
  readonly newEnd?: string;
}
