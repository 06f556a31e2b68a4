import type { ActivityFields } from './activity-fields.js';
import type { IsoDate } from './iso-date.js';
import type { LocalizedText } from './localized-text.js';

export type DecisionKind = 'adopted' | 'agreed-to-organise' | 'noted';

export const DECISION_KINDS: readonly DecisionKind[] = ['adopted', 'agreed-to-organise', 'noted'];

/** What a decision is about; only plans can be named so far. */
export interface DecisionSubject {
  readonly planId: string | null;
}

/** Where a decision is recorded: the meeting and the decision's id within it. */
export interface DecisionRef {
  readonly meetingId: string;
  readonly decisionId: string;
}

/** An activity a decision "agreed to organise" asks for; a process manager schedules it. */
export interface DecisionActivityRequest extends ActivityFields {
  readonly activityId: string;
  readonly city: string | null;
  readonly withNgos: boolean;
}

/** A follow-up a decision asks for; a process manager assigns it. */
export interface DecisionFollowUpRequest {
  readonly followUpId: string;
  readonly assignee: { readonly state: string | null; readonly institutionId: string | null };
  readonly description: LocalizedText;
  readonly dueDate: IsoDate | null;
}

/**
 * What the Meeting aggregate knows of one decision. Command handlers of other aggregates
 * prefetch it and pass it in the command, so that their `decide` stays pure.
 */
export interface DecisionFacts {
  readonly meetingId: string;
  readonly decisionId: string;
  readonly seriesId: string;
  readonly meetingDate: IsoDate;
  readonly meetingConvened: boolean;
  readonly kind: DecisionKind;
  readonly subject: DecisionSubject;
  readonly adoptingStates: readonly string[];
  /** Member states whose delegations were accredited at the meeting. */
  readonly accreditedMemberStates: readonly string[];
  /** The agenda item it was taken under. The fields below are optional for facts built elsewhere. */
  readonly agendaItemId?: string | null;
  /** The activities it asks to organise (only a decision "agreed to organise" has any). */
  readonly organise?: readonly DecisionActivityRequest[];
  readonly followUps?: readonly DecisionFollowUpRequest[];
}
