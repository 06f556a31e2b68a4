import { RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import { assertIsoDate, compareIsoDates } from '../shared/iso-date.js';
import { assertText } from '../shared/required.js';
import type { NumberMeeting } from './meeting-series.commands.js';
import type { DefinedSeries, MeetingNumbered } from './meeting-series.js';

/**
 * Meeting numbers are unique in a series and rise with the date: a higher number is held on a
 * later day. Earlier rounds may be numbered afterwards, as long as they fit the order.
 */
export function numberMeeting(command: NumberMeeting, series: DefinedSeries): [MeetingNumbered] {
  const { meetingId, number, date } = command.data;
  assertText(meetingId, 'series.meeting-id-required', 'meetingId');
  const numbered = series.meetings.find((m) => m.meetingId === meetingId);
  if (numbered) {
    throw new StateConflict(
      'series.meeting-already-numbered',
      `meeting ${meetingId} is already number ${numbered.number} of ${series.seriesId}`,
      'meetingId',
    );
  }
  if (!Number.isInteger(number) || number < 1) {
    throw new RuleViolation(
      'series.meeting-number-invalid',
      'a meeting number is a whole number from 1',
      'number',
    );
  }
  assertIsoDate(date, 'date');
  const holder = series.meetings.find((m) => m.number === number);
  if (holder) {
    throw new StateConflict(
      'series.meeting-number-taken',
      `number ${number} of ${series.seriesId} is meeting ${holder.meetingId}`,
      'number',
    );
  }
  const clash = series.meetings.find((m) => {
    const byDate = compareIsoDates(m.date, date);
    return m.number < number ? byDate >= 0 : byDate <= 0;
  });
  if (clash) {
    throw new RuleViolation(
      'series.meeting-number-out-of-order',
      `meeting ${clash.meetingId} is number ${clash.number} on ${clash.date}: number ${number} on ${date} does not rise with the date`,
      'number',
    );
  }
  return [{ type: 'MeetingNumbered', data: { seriesId: series.seriesId, meetingId, number, date } }];
}
