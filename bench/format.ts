import type { BenchmarkResult, Figure } from './result.js';

export const rate = (perSecond: number): string =>
  perSecond.toLocaleString('en-US', { maximumFractionDigits: perSecond < 100 ? 1 : 0 });

/** Two decimals, or two significant digits below 0.1 (a ratio of 0.004 is not 0.00). */
const decimals = (value: number): string => (value < 0.1 ? value.toPrecision(2) : value.toFixed(2));

export const ratio = (value: number): string => `${decimals(value)}×`;

/** A figure's value in its unit: rates without decimals, milliseconds and megabytes with one. */
export function valueOf(value: number, unit: string): string {
  if (unit === 'ms' || unit === 'MB') {
    return value.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  }
  return rate(value);
}

export const sizesOf = (sizes: Readonly<Record<string, number>>): string =>
  Object.entries(sizes)
    .map(([key, value]) => `${key}=${value.toLocaleString('en-US')}`)
    .join(', ');

/** One row per figure: benchmark, figure, engine, baseline, ratio, unit (with what a higher ratio means). */
export function figureRows(results: readonly BenchmarkResult[]): string[][] {
  return results.flatMap((result) =>
    result.figures.map((f: Figure) => [
      result.title,
      f.name,
      valueOf(f.engine.value, f.unit),
      valueOf(f.baseline.value, f.unit),
      `${ratio(f.ratio)} (${f.ratioRange.map(decimals).join('–')})`,
      f.better === 'higher' ? f.unit : `${f.unit} (lower is better)`,
    ]),
  );
}

export const FIGURE_HEADERS = [
  'Benchmark',
  'Figure',
  'Engine',
  'Baseline',
  'Engine/baseline (range)',
  'Unit',
];
/** Which columns hold numbers (right-aligned). */
export const NUMERIC = [false, false, true, true, true, false];

/** A plain-text table for the terminal. */
export function textTable(
  headers: readonly string[],
  rows: readonly string[][],
  numeric: readonly boolean[],
): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** A GitHub-flavoured Markdown table, its columns padded as Prettier pads them. */
export function markdownTable(
  headers: readonly string[],
  rows: readonly string[][],
  numeric: readonly boolean[],
): string {
  const widths = headers.map((h, i) => Math.max(3, h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, i) => (numeric[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join(' | ')} |`;
  const rule = widths.map((w, i) => (numeric[i] ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w)));
  return [line(headers), `| ${rule.join(' | ')} |`, ...rows.map(line)].join('\n');
}
