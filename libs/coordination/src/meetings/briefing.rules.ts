import { StateConflict } from '#eventsourcing/decider.js';
import { assertText } from '../shared/required.js';
import type { RecordBriefing } from './meeting.commands.js';
import type { BriefingDelivered, ScheduledMeeting } from './meeting.js';
import { assertSitting } from './meeting.guards.js';
import { briefer, localizedText, strategicDocumentIds } from './record-values.rules.js';

/** A briefing is given to the meeting while it sits, e.g. the Secretariat on the OTS strategy. */
export function recordBriefing(command: RecordBriefing, meeting: ScheduledMeeting): [BriefingDelivered] {
  const data = command.data;
  assertSitting(meeting, 'briefings');
  assertText(data.briefingId, 'briefing.id-required', 'briefingId');
  if (meeting.briefings.some((b) => b.briefingId === data.briefingId)) {
    throw new StateConflict(
      'briefing.already-recorded',
      `briefing ${data.briefingId} is already recorded at meeting ${meeting.meetingId}`,
      'briefingId',
    );
  }
  return [
    {
      type: 'BriefingDelivered',
      data: {
        meetingId: data.meetingId,
        briefingId: data.briefingId,
        by: briefer(data.by, 'by'),
        topic: localizedText(data.topic, 'topic'),
        citesStrategicDocuments: strategicDocumentIds(
          data.citesStrategicDocuments,
          'citesStrategicDocuments',
        ),
      },
    },
  ];
}
