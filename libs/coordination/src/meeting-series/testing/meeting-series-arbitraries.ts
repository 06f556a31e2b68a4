import fc from 'fast-check';
import type { LocalizedText } from '../../shared/localized-text.js';
import { metadata } from '../../shared/testing/command.js';
import type { DefineMeetingSeries, MeetingSeriesCommand, NumberMeeting } from '../meeting-series.commands.js';

const SERIES = 's1';
const meta = metadata();

/** Mostly valid values, sometimes invalid ones, so that commands are accepted often enough. */
const mostly = <T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: invalid, weight: 1 });

const define: fc.Arbitrary<DefineMeetingSeries> = fc
  .record({
    seriesId: fc.constant(SERIES),
    title: mostly<LocalizedText>(fc.constant({ en: 'Diaspora ministerial' }), fc.constant({ en: ' ' })),
    domain: mostly(fc.constant('diaspora'), fc.constant('Diaspora')),
  })
  .map((data) => ({ type: 'DefineMeetingSeries', data, metadata: meta }));

/** Few meetings, numbers and years, so that duplicates and disorder come up often. */
const numberMeeting: fc.Arbitrary<NumberMeeting> = fc
  .record({
    seriesId: fc.constant(SERIES),
    meetingId: mostly(fc.constantFrom('m1', 'm2', 'm3', 'm4', 'm5', 'm6'), fc.constant('')),
    number: mostly(fc.integer({ min: 1, max: 8 }), fc.constantFrom(0, 2.5)),
    date: mostly(
      fc.integer({ min: 2018, max: 2026 }).map((year) => `${year}-11-18`),
      fc.constant('2024-11-31'),
    ),
  })
  .map((data) => ({ type: 'NumberMeeting', data, metadata: meta }));

/** Valid and invalid commands on one series stream, usually opened by a definition. */
export const meetingSeriesCommands: fc.Arbitrary<MeetingSeriesCommand[]> = fc
  .tuple(
    fc.option(define, { freq: 6 }),
    fc.array(fc.oneof({ arbitrary: define, weight: 1 }, { arbitrary: numberMeeting, weight: 8 }), {
      maxLength: 30,
      size: 'max',
    }),
  )
  .map(([first, rest]) => (first ? [first, ...rest] : rest));
