/** What the decision register answers: a decision, what it produced, and its timeline. */
import type { DecisionDocumentData, Text } from './decision-events.js';

export interface Correction {
  readonly correctionId: string;
  readonly field: string;
  readonly originalValue: unknown;
  readonly correctedValue: unknown;
  readonly reason: Text;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly position: number;
}

export interface DecisionSummary {
  readonly meetingId: string;
  readonly decisionId: string;
  readonly meeting: {
    readonly id: string;
    readonly seriesId: string | null;
    readonly number: number | null;
    readonly title: Text;
    readonly date: string | null;
    readonly city: string | null;
    readonly host: { readonly state: string | null; readonly institutionId: string | null };
  } | null;
  readonly agendaItem: { readonly id: string; readonly title: Text | null } | null;
  readonly kind: string;
  /** As corrected; the text first recorded is the `originalValue` of the first correction of `text`. */
  readonly text: Text;
  readonly subject: { readonly planId: string | null };
  readonly adoptingStates: string[];
  readonly documents: DecisionDocumentData[];
  readonly strategicDocuments: { readonly id: string; readonly title: Text | null }[];
  /** Oldest first; each keeps the value it replaced. */
  readonly corrections: Correction[];
  readonly visibility: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
}

export interface DecisionView extends DecisionSummary {
  readonly produced: Produced;
  /** Every event that touched the decision or what it produced, in log order. */
  readonly timeline: TimelineEntry[];
  /** Global position of the last event reflected in this view. */
  readonly position: number;
}

export interface ProducedPlan {
  readonly planId: string;
  readonly year: number | null;
  readonly title: Text | null;
  readonly status: string;
  readonly adoptedOn: string | null;
}

export interface PlanAmendment {
  readonly planId: string;
  readonly year: number | null;
  readonly title: Text | null;
  readonly amendmentId: string;
  readonly amendedOn: string | null;
  readonly addedActivityIds: string[];
  readonly removedActivityIds: string[];
}

export interface ProducedActivity {
  readonly activityId: string;
  readonly kind: string | null;
  readonly title: Text;
  readonly leadState: string | null;
  readonly plannedStart: string | null;
  readonly plannedEnd: string | null;
  /** scheduled, in-progress, completed, postponed or cancelled. */
  readonly status: string;
  readonly progress: number;
  readonly visibility: string;
}

export interface ProducedFollowUp {
  readonly followUpId: string;
  readonly assignee: { readonly state: string | null; readonly institutionId: string | null };
  readonly description: Text;
  readonly dueDate: string | null;
  /** not-started, in-progress, implemented or not-applicable. */
  readonly status: string;
  readonly reviews: { readonly reviewOn: string; readonly meetingId: string | null }[];
  readonly visibility: string;
}

/** What a decision set going, as it stands now. */
export interface Produced {
  /** The plan whose adoption cites it. */
  readonly plan: ProducedPlan | null;
  /** The amendments of plans that cite it. */
  readonly amendedPlans: PlanAmendment[];
  /** Activities scheduled with it as their origin. */
  readonly activities: ProducedActivity[];
  /** Follow-ups assigned on it. */
  readonly followUps: ProducedFollowUp[];
}

export interface TimelineEntry {
  readonly position: number;
  readonly type: string;
  readonly stream: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
}
