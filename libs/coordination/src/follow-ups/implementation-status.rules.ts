import { RuleViolation } from '#eventsourcing/decider.js';
import { assertLocalizedText } from '../shared/localized-text.js';
import { assertOneOf } from '../shared/required.js';
import type { UpdateImplementationStatus } from './follow-up.commands.js';
import type { AssignedFollowUp, ImplementationStatusUpdated } from './follow-up.js';
import { IMPLEMENTATION_STATUSES } from './follow-up.js';
import { assertNotFinal } from './follow-up.guards.js';

/** Any change of status, except out of a final one (implemented, not applicable). */
export function updateImplementationStatus(
  command: UpdateImplementationStatus,
  followUp: AssignedFollowUp,
): [ImplementationStatusUpdated] {
  const data = command.data;
  assertOneOf(data.status, IMPLEMENTATION_STATUSES, 'followup.status-unknown', 'status');
  assertNotFinal(followUp);
  if (data.status === followUp.implementation) {
    throw new RuleViolation(
      'followup.status-unchanged',
      `follow-up ${followUp.followUpId} is already ${followUp.implementation}`,
      'status',
    );
  }
  if (data.note !== undefined) assertLocalizedText(data.note, 'note');
  return [
    {
      type: 'ImplementationStatusUpdated',
      data: {
        followUpId: followUp.followUpId,
        status: data.status,
        previousStatus: followUp.implementation,
        note: data.note ?? null,
      },
    },
  ];
}
