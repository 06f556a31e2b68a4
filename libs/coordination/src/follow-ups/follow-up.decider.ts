import { unreachable, type Command, type Decider } from '#eventsourcing/decider.js';
import type { InstitutionFacts } from '../institutions/institution-facts.js';
import type { DecisionFacts, DecisionRef } from '../shared/decision-facts.js';
import type { LocalizedText } from '../shared/localized-text.js';
import type { StateFacts } from '../states/state-facts.js';
import { assignFollowUp } from './assign-follow-up.rules.js';
import type { FollowUpEvent, FollowUpState, ImplementationStatus } from './follow-up.js';
import { evolveFollowUp, initialFollowUpState } from './follow-up.js';
import { assignedFollowUp } from './follow-up.guards.js';
import { updateImplementationStatus } from './implementation-status.rules.js';
import { scheduleReview } from './schedule-review.rules.js';

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

export function decideFollowUp(command: FollowUpCommand, state: FollowUpState): readonly FollowUpEvent[] {
  switch (command.type) {
    case 'AssignFollowUp':
      return assignFollowUp(command, state);
    case 'UpdateImplementationStatus':
      return updateImplementationStatus(command, assignedFollowUp(state, command.data.followUpId));
    case 'ScheduleReview':
      return scheduleReview(command, assignedFollowUp(state, command.data.followUpId));
    default:
      return unreachable(command);
  }
}

export const followUpDecider: Decider<FollowUpCommand, FollowUpEvent, FollowUpState> = {
  initialState: initialFollowUpState,
  evolve: evolveFollowUp,
  decide: decideFollowUp,
};
