import { RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import { assertLocalizedText } from '../shared/localized-text.js';
import type { CompleteActivity, ReportProgress, StartActivity } from './activity.commands.js';
import type { ActivityCompleted, ActivityStarted, ProgressReported, ScheduledActivity } from './activity.js';
import { assertNotInFuture, assertOnOrAfter } from './activity-dates.js';

/** Progress is a whole percentage below 100; 100 is reached only by completing the activity. */
export const MAX_REPORTED_PROGRESS = 99;

export function startActivity(command: StartActivity, activity: ScheduledActivity): [ActivityStarted] {
  const { startedOn } = command.data;
  if (activity.status === 'started') {
    throw new StateConflict(
      'activity.already-started',
      `activity ${activity.activityId} started on ${activity.startedOn}`,
      'activityId',
    );
  }
  assertNotInFuture(startedOn, command.metadata.recordedAt, 'startedOn');
  return [{ type: 'ActivityStarted', data: { activityId: activity.activityId, startedOn } }];
}

export function reportProgress(command: ReportProgress, activity: ScheduledActivity): [ProgressReported] {
  const { progress, note, asOf } = command.data;
  const startedOn = assertStarted(activity, 'progress is reported');
  if (typeof progress !== 'number' || !Number.isInteger(progress) || progress < 0 || progress > 100) {
    throw new RuleViolation(
      'activity.progress-invalid',
      'progress is a whole percentage from 0 to 100',
      'progress',
    );
  }
  if (progress > MAX_REPORTED_PROGRESS) {
    throw new RuleViolation(
      'activity.progress-100-needs-completion',
      'an activity reaches 100% only when it is completed (CompleteActivity)',
      'progress',
    );
  }
  // Progress is cumulative: a lower figure would be a correction, which is not supported yet.
  if (progress < activity.progress) {
    throw new RuleViolation(
      'activity.progress-decreased',
      `progress was ${activity.progress}%; it does not go down to ${progress}%`,
      'progress',
    );
  }
  if (note !== undefined && note !== null) assertLocalizedText(note, 'note');
  assertNotInFuture(asOf, command.metadata.recordedAt, 'asOf');
  assertOnOrAfter(
    asOf,
    startedOn,
    'activity.progress-before-start',
    `the activity started on ${startedOn}`,
    'asOf',
  );
  if (activity.progressAsOf !== null) {
    const last = activity.progressAsOf;
    assertOnOrAfter(
      asOf,
      last,
      'activity.progress-older-than-last',
      `progress was last reported as of ${last}`,
      'asOf',
    );
  }
  return [
    {
      type: 'ProgressReported',
      data: { activityId: activity.activityId, progress, note: note ?? null, asOf },
    },
  ];
}

export function completeActivity(
  command: CompleteActivity,
  activity: ScheduledActivity,
): [ActivityCompleted] {
  const { completedOn, outcome } = command.data;
  const startedOn = assertStarted(activity, 'it is completed');
  assertNotInFuture(completedOn, command.metadata.recordedAt, 'completedOn');
  assertOnOrAfter(
    completedOn,
    startedOn,
    'activity.completed-before-started',
    `the activity started on ${startedOn}`,
    'completedOn',
  );
  if (activity.progressAsOf !== null) {
    const last = activity.progressAsOf;
    assertOnOrAfter(
      completedOn,
      last,
      'activity.completed-before-last-progress',
      `progress was reported as of ${last}`,
      'completedOn',
    );
  }
  if (outcome !== undefined && outcome !== null) assertLocalizedText(outcome, 'outcome');
  return [
    {
      type: 'ActivityCompleted',
      data: { activityId: activity.activityId, completedOn, outcome: outcome ?? null },
    },
  ];
}

function assertStarted(activity: ScheduledActivity, before: string): string {
  if (activity.status !== 'started' || activity.startedOn === null) {
    throw new RuleViolation(
      'activity.not-started',
      `activity ${activity.activityId} has not started; it must start before ${before}`,
      'activityId',
    );
  }
  return activity.startedOn;
}
