import { unreachable, type Decider } from '#eventsourcing/decider.js';
import { assignFollowUp } from './assign-follow-up.rules.js';
import type { FollowUpCommand } from './follow-up.commands.js';
import type { FollowUpEvent, FollowUpState } from './follow-up.js';
import { evolveFollowUp, initialFollowUpState } from './follow-up.js';
import { assignedFollowUp } from './follow-up.guards.js';
import { updateImplementationStatus } from './implementation-status.rules.js';
import { scheduleReview } from './schedule-review.rules.js';

export type {
  FollowUpAssignmentFacts,
  AssignFollowUp,
  UpdateImplementationStatus,
  ScheduleReview,
  FollowUpCommand,
} from './follow-up.commands.js';

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
