import { RuleViolation } from '#eventsourcing/decider.js';
import { compareIsoDates } from '../shared/iso-date.js';
import { assertLocalizedText } from '../shared/localized-text.js';
import type { CancelActivity, PostponeActivity } from './activity.commands.js';
import type { ActivityCancelled, ActivityPostponed, ScheduledActivity } from './activity.js';
import { assertDateRange } from './activity-dates.js';

/** Only an activity that has not started moves, and only to later dates (bringing it forward is not postponing). */
export function postponeActivity(
  command: PostponeActivity,
  activity: ScheduledActivity,
): [ActivityPostponed] {
  const { newStart, newEnd, reason } = command.data;
  if (activity.status === 'started') {
    throw new RuleViolation(
      'activity.started-cannot-postpone',
      `activity ${activity.activityId} already started on ${activity.startedOn}`,
      'activityId',
    );
  }
  assertDateRange(newStart, newEnd, 'newStart', 'newEnd');
  if (compareIsoDates(newStart, activity.plannedStart) < 0) {
    throw new RuleViolation(
      'activity.postpone-brings-forward',
      `the new start ${newStart} is before the planned start ${activity.plannedStart}`,
      'newStart',
    );
  }
  assertLocalizedText(reason, 'reason');
  return [
    {
      type: 'ActivityPostponed',
      data: {
        activityId: activity.activityId,
        previousStart: activity.plannedStart,
        previousEnd: activity.plannedEnd,
        newStart,
        newEnd,
        reason,
      },
    },
  ];
}

/** A scheduled or running activity may be cancelled; the reason is kept. */
export function cancelActivity(command: CancelActivity, activity: ScheduledActivity): [ActivityCancelled] {
  assertLocalizedText(command.data.reason, 'reason');
  return [
    { type: 'ActivityCancelled', data: { activityId: activity.activityId, reason: command.data.reason } },
  ];
}
