import { EntityNotFound, RuleViolation } from '#eventsourcing/decider.js';
import type { MeetingState, ScheduledMeeting } from './meeting.js';

/** Every command but ScheduleMeeting needs the meeting to exist. */
export function existingMeeting(state: MeetingState, meetingId: string): ScheduledMeeting {
  if (state.status === 'unscheduled') {
    throw new EntityNotFound('meeting.not-found', `meeting ${meetingId} has not been scheduled`, 'meetingId');
  }
  return state;
}

/** After closing only corrections, which keep the original, may touch the record. */
export function assertNotClosed(meeting: ScheduledMeeting): void {
  if (meeting.status === 'closed') {
    throw new RuleViolation(
      'meeting.closed',
      `meeting ${meeting.meetingId} is closed; its record can only be corrected`,
      'meetingId',
    );
  }
}

/** Decisions and briefings are recorded only while the meeting sits. */
export function assertSitting(meeting: ScheduledMeeting, what: string): void {
  assertNotClosed(meeting);
  if (meeting.status !== 'convened') {
    throw new RuleViolation(
      'meeting.not-convened',
      `meeting ${meeting.meetingId} has not convened; ${what} are recorded only while it sits`,
    );
  }
}
