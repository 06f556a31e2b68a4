import { EntityNotFound, RuleViolation } from '#eventsourcing/decider.js';
import type { ActivityState, ScheduledActivity } from './activity.js';

/** Every command but scheduling needs the activity to exist and to be neither completed nor cancelled. */
export function openActivity(state: ActivityState, activityId: string): ScheduledActivity {
  if (state.status === 'none') {
    throw new EntityNotFound(
      'activity.not-found',
      `activity ${activityId} has not been scheduled`,
      'activityId',
    );
  }
  if (state.status === 'completed' || state.status === 'cancelled') {
    throw new RuleViolation(
      'activity.final',
      `activity ${activityId} is ${state.status}; nothing more can be recorded on it`,
      'activityId',
    );
  }
  return state;
}
