import { EntityNotFound, RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import { given } from '../shared/testing/given-when-then.js';
import type { ScheduleMeeting } from './meeting.commands.js';
import { meetingDecider } from './meeting.decider.js';
import { MEETING_ID, meetingCommand, scheduled } from './testing/meeting-fixtures.js';

const schedule = (data: Partial<ScheduleMeeting['data']> = {}) =>
  meetingCommand('ScheduleMeeting', {
    meetingId: MEETING_ID,
    seriesId: 'diaspora-ministerial',
    number: 6,
    title: scheduled.data.title,
    hostState: 'UZ',
    city: 'Tashkent',
    date: '2024-11-18',
    ...data,
  });

describe('ScheduleMeeting', () => {
  it('schedules a meeting, with no host institution when none is named', () => {
    given(meetingDecider).when(schedule()).then([scheduled]);
  });

  it('keeps the host institution when named', () => {
    given(meetingDecider)
      .when(schedule({ hostInstitutionId: 'uz-interethnic-committee' }))
      .then([{ ...scheduled, data: { ...scheduled.data, hostInstitutionId: 'uz-interethnic-committee' } }]);
  });

  it('refuses to schedule the same meeting twice', () => {
    given(meetingDecider, [scheduled])
      .when(schedule())
      .thenRefuses(StateConflict, 'meeting.already-scheduled');
  });

  it.each([0, -1, 2.5])('refuses meeting number %p', (number) => {
    given(meetingDecider).when(schedule({ number })).thenRefuses(RuleViolation, 'meeting.number-invalid');
  });

  it('refuses an unknown host state', () => {
    given(meetingDecider)
      .when(schedule({ hostState: 'RU' }))
      .thenRefuses(RuleViolation, 'state.unknown');
  });

  it('accepts an observer as host', () => {
    const budapest = { ...scheduled.data, hostState: 'HU', city: 'Budapest' };
    given(meetingDecider)
      .when(schedule({ hostState: 'HU', city: 'Budapest' }))
      .then([{ type: 'MeetingScheduled', data: budapest }]);
  });

  it('refuses a blank city', () => {
    given(meetingDecider)
      .when(schedule({ city: ' ' }))
      .thenRefuses(RuleViolation, 'meeting.city-required');
  });

  it.each(['18.11.2024', '2024-02-30', '2024-13-01'])('refuses the date %p', (date) => {
    given(meetingDecider).when(schedule({ date })).thenRefuses(RuleViolation, 'date.invalid');
  });

  it('refuses a title without English', () => {
    given(meetingDecider)
      .when(schedule({ title: { ru: 'Встреча' } as never }))
      .thenRefuses(RuleViolation, 'text.english-required');
  });

  it('refuses commands on a meeting that was never scheduled', () => {
    given(meetingDecider)
      .when(meetingCommand('ConveneMeeting', { meetingId: MEETING_ID }))
      .thenRefuses(EntityNotFound, 'meeting.not-found');
  });
});
