import { StateConflict } from '#eventsourcing/decider.js';
import { assertText } from '../shared/required.js';
import type { AddAgendaItem } from './meeting.commands.js';
import type { AgendaItemAdded, ScheduledMeeting } from './meeting.js';
import { assertNotClosed } from './meeting.guards.js';
import { agendaOrder, localizedText } from './record-values.rules.js';

/** The agenda is set before or while the meeting sits; an item without a place goes last. */
export function addAgendaItem(command: AddAgendaItem, meeting: ScheduledMeeting): [AgendaItemAdded] {
  const data = command.data;
  assertNotClosed(meeting);
  assertText(data.itemId, 'agenda.item-id-required', 'itemId');
  if (meeting.agenda.some((item) => item.itemId === data.itemId)) {
    throw new StateConflict(
      'agenda.item-already-added',
      `agenda item ${data.itemId} is already on the agenda of meeting ${meeting.meetingId}`,
      'itemId',
    );
  }
  const title = localizedText(data.title, 'title');
  const last = Math.max(0, ...meeting.agenda.map((item) => item.order));
  const order = data.order === undefined ? last + 1 : agendaOrder(data.order, meeting, 'order', data.itemId);
  return [
    { type: 'AgendaItemAdded', data: { meetingId: data.meetingId, itemId: data.itemId, title, order } },
  ];
}
