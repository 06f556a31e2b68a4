import { unreachable, type Decider } from '#eventsourcing/decider.js';
import type { ActivityCommand } from './activity.commands.js';
import type { ActivityEvent, ActivityState } from './activity.js';
import { evolveActivity, initialActivityState } from './activity.js';
import { openActivity } from './activity.guards.js';
import { cancelActivity, postponeActivity } from './postpone-and-cancel.rules.js';
import { completeActivity, reportProgress, startActivity } from './activity-progress.rules.js';
import { scheduleActivity } from './schedule-activity.rules.js';

export type {
  SchedulingData,
  ScheduleForum,
  ScheduleActivity,
  StartActivity,
  ReportProgress,
  CompleteActivity,
  PostponeActivity,
  CancelActivity,
  ActivityCommand,
} from './activity.commands.js';

export function decideActivity(command: ActivityCommand, state: ActivityState): readonly ActivityEvent[] {
  switch (command.type) {
    case 'ScheduleForum':
    case 'ScheduleActivity':
      return scheduleActivity(command, state);
    case 'StartActivity':
      return startActivity(command, openActivity(state, command.data.activityId));
    case 'ReportProgress':
      return reportProgress(command, openActivity(state, command.data.activityId));
    case 'CompleteActivity':
      return completeActivity(command, openActivity(state, command.data.activityId));
    case 'PostponeActivity':
      return postponeActivity(command, openActivity(state, command.data.activityId));
    case 'CancelActivity':
      return cancelActivity(command, openActivity(state, command.data.activityId));
    default:
      return unreachable(command);
  }
}

export const activityDecider: Decider<ActivityCommand, ActivityEvent, ActivityState> = {
  initialState: initialActivityState,
  evolve: evolveActivity,
  decide: decideActivity,
};
