/** UTF-8 byte order mark: spreadsheets then read the file as UTF-8 ('Türkiye', not 'TÃ¼rkiye'). */
export const BOM = '\uFEFF';

/** A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a tab or carriage return first). */
const FORMULA = /^[=+\-@\t\r]/;

/**
 * One RFC 4180 field: quoted when it holds a comma, a quote, CR or LF (quotes doubled inside).
 * Text that would start a formula gets a leading apostrophe (OWASP CSV injection), so a title
 * such as `=HYPERLINK(…)` stays text in a spreadsheet; numbers are written as they are.
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const text = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole RFC 4180 document: a header row, then the rows; CRLF after every record; BOM first. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly Parameters<typeof csvField>[0][])[],
): string {
  const records = [header, ...rows].map((row) => row.map(csvField).join(','));
  return BOM + records.map((record) => `${record}\r\n`).join('');
}
