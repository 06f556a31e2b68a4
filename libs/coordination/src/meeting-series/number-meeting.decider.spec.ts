import { EntityNotFound, RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import { given } from '../shared/testing/given-when-then.js';
import { meetingSeriesDecider } from './meeting-series.decider.js';
import {
  SERIES_ID,
  bishkek,
  meetingSeriesCommand,
  numbered,
  seriesDefined,
  tashkent,
} from './testing/meeting-series-fixtures.js';

const number = (meetingId: string, n: number, date: string) =>
  meetingSeriesCommand('NumberMeeting', { seriesId: SERIES_ID, meetingId, number: n, date });
const both = [seriesDefined, bishkek, tashkent];

describe('NumberMeeting', () => {
  it('numbers the meetings of a series in the order they are held', () => {
    const { state } = given(meetingSeriesDecider, [seriesDefined, bishkek])
      .when(number('diaspora-ministerial-6', 6, '2024-11-18'))
      .then([tashkent]);
    expect(state).toMatchObject({
      meetings: [bishkek.data, tashkent.data].map(({ seriesId: _s, ...m }) => m),
    });
  });

  it('numbers an earlier round afterwards when it fits the order, and next rounds with gaps', () => {
    given(meetingSeriesDecider, both)
      .when(number('diaspora-ministerial-4', 4, '2022-12-15'))
      .then([numbered('diaspora-ministerial-4', 4, '2022-12-15')]);
    given(meetingSeriesDecider, both)
      .when(number('diaspora-ministerial-8', 8, '2026-10-01'))
      .then([numbered('diaspora-ministerial-8', 8, '2026-10-01')]);
  });

  it('refuses a series never defined', () => {
    given(meetingSeriesDecider)
      .when(number('m', 1, '2024-01-01'))
      .thenRefuses(EntityNotFound, 'series.not-found');
  });

  it('refuses a number already given to another meeting', () => {
    given(meetingSeriesDecider, both)
      .when(number('another', 6, '2024-11-18'))
      .thenRefuses(StateConflict, 'series.meeting-number-taken');
  });

  it('refuses to number a meeting twice, even with the same number', () => {
    given(meetingSeriesDecider, both)
      .when(number('diaspora-ministerial-6', 6, '2024-11-18'))
      .thenRefuses(StateConflict, 'series.meeting-already-numbered');
  });

  it.each([
    ['a higher number held before a lower one', 7, '2024-01-10'],
    ['a lower number held after a higher one', 4, '2024-12-01'],
    ['a higher number held on the same day', 7, '2024-11-18'],
  ])('refuses %s', (_case, n, date) => {
    given(meetingSeriesDecider, both)
      .when(number('diaspora-ministerial-x', n, date))
      .thenRefuses(RuleViolation, 'series.meeting-number-out-of-order');
  });

  it('refuses a number between two others held after both', () => {
    given(meetingSeriesDecider, [
      seriesDefined,
      numbered('diaspora-ministerial-4', 4, '2022-12-15'),
      tashkent,
    ])
      .when(number('diaspora-ministerial-5', 5, '2025-01-01'))
      .thenRefuses(RuleViolation, 'series.meeting-number-out-of-order');
  });

  it.each([0, -1, 6.5])('refuses the number %p', (n) => {
    given(meetingSeriesDecider, both)
      .when(number('m', n, '2030-01-01'))
      .thenRefuses(RuleViolation, 'series.meeting-number-invalid');
  });

  it('refuses a date that is not a calendar date, and a blank meeting', () => {
    given(meetingSeriesDecider, both)
      .when(number('m', 9, '2030-02-30'))
      .thenRefuses(RuleViolation, 'date.invalid');
    given(meetingSeriesDecider, both)
      .when(number(' ', 9, '2030-01-01'))
      .thenRefuses(RuleViolation, 'series.meeting-id-required');
  });
});
