import { RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import { assertText } from '../shared/required.js';
import type { RecordBilateralMeeting } from './meeting.commands.js';
import type { BilateralMeetingHeld, ScheduledMeeting } from './meeting.js';
import { assertNotClosed } from './meeting.guards.js';
import { bilateralParties, optionalLocalizedText } from './record-values.rules.js';

/**
 * Heads of delegations meet on the margins: while the meeting sits, or on its date (before
 * the opening). `occurredAt` is when it happened as told by the user; its calendar day is
 * compared as UTC, like every other date the engine keeps.
 */
export function recordBilateralMeeting(
  command: RecordBilateralMeeting,
  meeting: ScheduledMeeting,
): [BilateralMeetingHeld] {
  const data = command.data;
  assertNotClosed(meeting);
  const day = command.metadata.occurredAt.slice(0, 10);
  if (meeting.status !== 'convened' && day !== meeting.date) {
    throw new RuleViolation(
      'bilateral.not-on-the-margins',
      `a bilateral meeting on the margins of meeting ${meeting.meetingId} is held while it sits or on ${meeting.date}, not on ${day}`,
      'occurredAt',
    );
  }
  assertText(data.bilateralId, 'bilateral.id-required', 'bilateralId');
  if (meeting.bilaterals.some((b) => b.bilateralId === data.bilateralId)) {
    throw new StateConflict(
      'bilateral.already-recorded',
      `bilateral meeting ${data.bilateralId} is already recorded at meeting ${meeting.meetingId}`,
      'bilateralId',
    );
  }
  return [
    {
      type: 'BilateralMeetingHeld',
      data: {
        meetingId: data.meetingId,
        bilateralId: data.bilateralId,
        parties: bilateralParties(data.parties, meeting, 'parties'),
        topic: optionalLocalizedText(data.topic, 'topic'),
      },
    },
  ];
}
