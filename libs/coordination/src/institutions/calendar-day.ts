import type { IsoDate } from '../shared/iso-date.js';

/** The calendar day before a date, computed in UTC so no time zone shifts it. */
export function dayBefore(date: IsoDate): IsoDate {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}
