import { RuleViolation } from '#eventsourcing/decider.js';
import {
  assertIsoDate,
  compareIsoDates,
  isIsoDate,
  isOnOrBefore,
  yearOf,
  yearOfTimestamp,
} from './iso-date.js';

describe('ISO dates', () => {
  it.each(['2024-11-18', '2024-02-29', '2000-02-29', '2025-12-31'])('accepts %p', (date) => {
    expect(isIsoDate(date)).toBe(true);
  });

  it.each([
    '2025-02-29',
    '1900-02-29',
    '2024-04-31',
    '2024-00-10',
    '2024-1-1',
    '18.11.2024',
    '2024-11-18T10:00:00Z',
    20241118,
  ])('refuses %p', (date) => {
    expect(isIsoDate(date)).toBe(false);
  });

  it('refuses with the date.invalid rule on the field', () => {
    expect(() => assertIsoDate('2024-11-31', 'plannedEnd')).toThrow(RuleViolation);
    try {
      assertIsoDate('2024-11-31', 'plannedEnd');
    } catch (error) {
      expect(error).toMatchObject({ rule: 'date.invalid', field: 'plannedEnd' });
    }
  });

  it('compares calendar dates', () => {
    expect(compareIsoDates('2023-11-22', '2024-11-18')).toBeLessThan(0);
    expect(compareIsoDates('2024-11-18', '2024-11-18')).toBe(0);
    expect(compareIsoDates('2025-01-01', '2024-12-31')).toBeGreaterThan(0);
    expect(isOnOrBefore('2024-11-18', '2024-11-18')).toBe(true);
  });

  it('reads years from dates and timestamps', () => {
    expect(yearOf('2024-11-18')).toBe(2024);
    expect(yearOfTimestamp('2024-11-18T12:00:00Z')).toBe(2024);
    expect(yearOfTimestamp('yesterday')).toBeNaN();
  });
});
