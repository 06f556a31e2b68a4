import { RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import { assertIsoDate, compareIsoDates } from '../shared/iso-date.js';
import { assertOptionalText } from '../shared/required.js';
import type { ScheduleReview } from './follow-up.commands.js';
import type { AssignedFollowUp, ReviewScheduled } from './follow-up.js';
import { assertNotFinal } from './follow-up.guards.js';

/** A review of an open follow-up, on or after the day of its decision, once per day. */
export function scheduleReview(command: ScheduleReview, followUp: AssignedFollowUp): [ReviewScheduled] {
  const data = command.data;
  assertNotFinal(followUp);
  assertIsoDate(data.reviewOn, 'reviewOn');
  assertOptionalText(data.meetingId, 'followup.review-meeting-blank', 'meetingId');
  if (compareIsoDates(data.reviewOn, followUp.decidedOn) < 0) {
    throw new RuleViolation(
      'followup.review-before-decision',
      `a review on ${data.reviewOn} would come before the decision was taken on ${followUp.decidedOn}`,
      'reviewOn',
    );
  }
  if (followUp.reviews.some((r) => r.reviewOn === data.reviewOn)) {
    throw new StateConflict(
      'followup.review-already-scheduled',
      `follow-up ${followUp.followUpId} already has a review on ${data.reviewOn}`,
      'reviewOn',
    );
  }
  return [
    {
      type: 'ReviewScheduled',
      data: { followUpId: followUp.followUpId, reviewOn: data.reviewOn, meetingId: data.meetingId ?? null },
    },
  ];
}
