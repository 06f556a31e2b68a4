import type { Command } from '#eventsourcing/decider.js';
import type { InstitutionFacts } from '../institutions/institution-facts.js';
import type { DecisionFacts, DecisionRef } from '../shared/decision-facts.js';
import type { LocalizedText } from '../shared/localized-text.js';
import type { StateFacts } from '../states/state-facts.js';
import type { ImplementationStatus } from './follow-up.js';

/** What the AssignFollowUp handler reads from other streams before deciding. */
export interface FollowUpAssignmentFacts {
  /** The decision as its meeting knows it; null when there is no such decision. */
  readonly decision: DecisionFacts | null;
  /** The assignee state as the State aggregate knows it, when one is named. */
  readonly state: StateFacts | null;
  /** The assignee institution, when one is named. */
  readonly institution: InstitutionFacts | null;
}

export type AssignFollowUp = Command<
  'AssignFollowUp',
  {
    readonly followUpId: string;
    readonly decision: DecisionRef;
    readonly assignee: { readonly state?: string; readonly institutionId?: string };
    readonly description: LocalizedText;
    /** YYYY-MM-DD */
    readonly dueDate?: string;
    readonly facts: FollowUpAssignmentFacts;
  }
>;

export type UpdateImplementationStatus = Command<
  'UpdateImplementationStatus',
  { readonly followUpId: string; readonly status: ImplementationStatus; readonly note?: LocalizedText }
>;

export type ScheduleReview = Command<
  'ScheduleReview',
  {
    readonly followUpId: string;
    /** YYYY-MM-DD */
    readonly reviewOn: string;
    /** The meeting that is to review it, if any. */
    readonly meetingId?: string;
  }
>;

export type FollowUpCommand = AssignFollowUp | UpdateImplementationStatus | ScheduleReview;
