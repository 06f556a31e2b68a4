import { RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import { given } from '../shared/testing/given-when-then.js';
import type { AddAgendaItem } from './meeting.commands.js';
import { meetingDecider } from './meeting.decider.js';
import {
  MEETING_ID,
  agendaItemAdded,
  closed,
  convenedMeeting,
  meetingCommand,
  scheduled,
} from './testing/meeting-fixtures.js';

const add = (data: Partial<AddAgendaItem['data']> = {}) =>
  meetingCommand('AddAgendaItem', {
    meetingId: MEETING_ID,
    itemId: 'opening',
    title: { en: 'Opening' },
    ...data,
  });

describe('AddAgendaItem', () => {
  it('puts the first item first', () => {
    given(meetingDecider, [scheduled])
      .when(add())
      .then([agendaItemAdded('opening', 1, 'Opening')]);
  });

  it('puts an item without a place after the last one', () => {
    given(meetingDecider, [scheduled, agendaItemAdded('opening', 1), agendaItemAdded('briefing', 4)])
      .when(add({ itemId: 'plan-2025', title: { en: 'Plan' } }))
      .then([agendaItemAdded('plan-2025', 5, 'Plan')]);
  });

  it('keeps the place it is given, and adds items while the meeting sits', () => {
    given(meetingDecider, [...convenedMeeting, agendaItemAdded('opening', 1)])
      .when(add({ itemId: 'aob', title: { en: 'Any other business' }, order: 9 }))
      .then([agendaItemAdded('aob', 9, 'Any other business')]);
  });

  it('refuses an item id already on the agenda', () => {
    given(meetingDecider, [scheduled, agendaItemAdded('opening', 1)])
      .when(add({ order: 2 }))
      .thenRefuses(StateConflict, 'agenda.item-already-added');
  });

  it('refuses a place another item holds', () => {
    given(meetingDecider, [scheduled, agendaItemAdded('opening', 1)])
      .when(add({ itemId: 'plan-2025', order: 1 }))
      .thenRefuses(StateConflict, 'agenda.order-taken');
  });

  it.each([0, -2, 1.5])('refuses the place %p', (order) => {
    given(meetingDecider, [scheduled])
      .when(add({ order }))
      .thenRefuses(RuleViolation, 'agenda.order-invalid');
  });

  it('refuses a blank id or a title without English', () => {
    given(meetingDecider, [scheduled])
      .when(add({ itemId: ' ' }))
      .thenRefuses(RuleViolation, 'agenda.item-id-required');
    given(meetingDecider, [scheduled])
      .when(add({ title: { ru: 'Открытие' } as never }))
      .thenRefuses(RuleViolation, 'text.english-required');
  });

  it('refuses an item once the meeting is closed', () => {
    given(meetingDecider, [...convenedMeeting, closed])
      .when(add())
      .thenRefuses(RuleViolation, 'meeting.closed');
  });
});
