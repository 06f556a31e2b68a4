/**
 * "As of" questions. Two are different on purpose:
 * - `recorded` (an ISO time, or `position:N`): what the engine knew then — the log up to that
 *   moment, as a report printed that day would have shown it;
 * - `occurred` (`occurred:<ISO time>`): how things stood then according to everything known now —
 *   every event whose `occurredAt` is not later, including facts recorded afterwards.
 */
export type AsOf =
  | { readonly kind: 'position'; readonly position: number }
  | { readonly kind: 'recorded'; readonly at: string }
  | { readonly kind: 'occurred'; readonly at: string };

/** The grammar accepted by every query's `asOf` parameter (also used by DTO validation). */
export const AS_OF_PATTERN =
  /^(position:\d{1,15}|(occurred:)?\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?)$/;

/** Reads an `asOf` parameter; a date alone means the end of that day (UTC). Null when malformed. */
export function parseAsOf(text: string): AsOf | null {
  if (!AS_OF_PATTERN.test(text)) return null;
  if (text.startsWith('position:'))
    return { kind: 'position', position: Number(text.slice('position:'.length)) };
  const occurred = text.startsWith('occurred:');
  const time = occurred ? text.slice('occurred:'.length) : text;
  const at = time.length === 10 ? `${time}T23:59:59.999Z` : time;
  const millis = Date.parse(at);
  if (Number.isNaN(millis)) return null;
  const iso = new Date(millis).toISOString();
  return occurred ? { kind: 'occurred', at: iso } : { kind: 'recorded', at: iso };
}
