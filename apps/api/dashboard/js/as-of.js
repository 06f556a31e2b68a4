/* global URLSearchParams */
import { formatDate } from './format.js';

// The "as of" the dashboard shows: null (now), or the engine's own `asOf` grammar:
// `<date>` (what had been recorded by the end of that day), `occurred:<date>` (how things stood
// that day according to everything known now) or `position:N` (the log up to that event).

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads `?asOf=` of the page's address; anything the picker cannot express is ignored. */
export function asOfFromSearch(search) {
  const value = new URLSearchParams(search).get('asOf');
  if (!value) return null;
  if (DATE.test(value) || /^occurred:\d{4}-\d{2}-\d{2}$/.test(value) || /^position:\d{1,15}$/.test(value)) {
    return value;
  }
  return null;
}

/** The picker's date and mode → the `asOf` parameter, or null when no date is chosen. */
export function asOfFrom(date, mode) {
  if (!DATE.test(date ?? '')) return null;
  return mode === 'occurred' ? `occurred:${date}` : date;
}

/** The `asOf` parameter → what the picker shows. */
export function pickerFor(asOf) {
  if (!asOf || asOf.startsWith('position:')) return { date: '', mode: null };
  if (asOf.startsWith('occurred:')) return { date: asOf.slice('occurred:'.length), mode: 'occurred' };
  return { date: asOf, mode: 'recorded' };
}

/** One sentence for the header. */
export function describeAsOf(asOf) {
  if (!asOf) return 'Showing the latest recorded state.';
  if (asOf.startsWith('position:')) return `Showing the log up to event ${asOf.slice('position:'.length)}.`;
  if (asOf.startsWith('occurred:')) {
    return `As of ${formatDate(asOf.slice('occurred:'.length))}, as it happened (as known now).`;
  }
  return `As of ${formatDate(asOf)}, as recorded by then.`;
}
