import { RuleViolation } from '#eventsourcing/decider.js';
import { assertIsoDate, compareIsoDates, type IsoDate } from '../shared/iso-date.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Two calendar dates, the end on or after the start. */
export function assertDateRange(start: unknown, end: unknown, startField: string, endField: string): void {
  assertIsoDate(start, startField);
  assertIsoDate(end, endField);
  if (compareIsoDates(end, start) < 0) {
    throw new RuleViolation(
      'activity.end-before-start',
      `${endField} ${end} is before ${startField} ${start}`,
      endField,
    );
  }
}

/**
 * A date that already happened: not after the day the engine records it. The recording day is
 * taken in UTC, so one day more is allowed for states east of Greenwich (Tashkent is UTC+5).
 */
export function assertNotInFuture(date: unknown, recordedAt: string, field: string): asserts date is IsoDate {
  assertIsoDate(date, field);
  const recorded = Date.parse(recordedAt);
  if (Number.isNaN(recorded)) return;
  const latest = new Date(recorded + DAY_MS).toISOString().slice(0, 10);
  if (compareIsoDates(date, latest) > 0) {
    throw new RuleViolation('activity.date-in-future', `${field} ${date} has not come yet`, field);
  }
}

/** `later` is on or after `earlier`; refused with the given rule otherwise. */
export function assertOnOrAfter(
  later: IsoDate,
  earlier: IsoDate,
  rule: string,
  message: string,
  field: string,
) {
  if (compareIsoDates(later, earlier) < 0) throw new RuleViolation(rule, message, field);
}
