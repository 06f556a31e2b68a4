import type { IsoDate } from './iso-date.js';

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
}
