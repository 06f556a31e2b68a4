import { Type } from 'typebox';
import { RuleViolation } from '#eventsourcing/decider.js';

export const IsoDateSchema = Type.String({
  format: 'date',
  description: "A calendar date 'YYYY-MM-DD', compared as text",
});

/** A calendar date 'YYYY-MM-DD', compared as text; no clock is read here. */
export type IsoDate = Type.Static<typeof IsoDateSchema>;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function assertIsoDate(value: unknown, field: string): asserts value is IsoDate {
  if (!isIsoDate(value)) {
    throw new RuleViolation('date.invalid', `${field} must be a calendar date YYYY-MM-DD`, field);
  }
}

/** Negative when a is before b, zero when equal, positive when after. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isOnOrBefore(a: IsoDate, b: IsoDate): boolean {
  return compareIsoDates(a, b) <= 0;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** The year of an ISO 8601 timestamp such as a command's recordedAt; NaN when it has none. */
export function yearOfTimestamp(timestamp: string): number {
  return /^\d{4}-/.test(timestamp) ? Number(timestamp.slice(0, 4)) : Number.NaN;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
