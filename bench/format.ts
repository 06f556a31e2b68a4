import type { BenchmarkResult, Figure } from './result.js';

export const rate = (perSecond: number): string =>
  perSecond.toLocaleString('en-US', { maximumFractionDigits: perSecond < 100 ? 1 : 0 });

export const ratio = (value: number): string => `${value.toFixed(2)}×`;

export const sizesOf = (sizes: Readonly<Record<string, number>>): string =>
  Object.entries(sizes)
    .map(([key, value]) => `${key}=${value.toLocaleString('en-US')}`)
    .join(', ');

/** One row per figure: benchmark, figure, engine, baseline, ratio, unit. */
export function figureRows(results: readonly BenchmarkResult[]): string[][] {
  return results.flatMap((result) =>
    result.figures.map((f: Figure) => [
      result.title,
      f.name,
      rate(f.engine.perSecond),
      rate(f.baseline.perSecond),
      `${ratio(f.ratio)} (${f.ratioRange.map((r) => r.toFixed(2)).join('–')})`,
      f.unit,
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

/** A GitHub-flavoured Markdown table. */
export function markdownTable(
  headers: readonly string[],
  rows: readonly string[][],
  numeric: readonly boolean[],
): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const rule = numeric.map((n) => (n ? '---:' : '---'));
  return [line(headers), line(rule), ...rows.map(line)].join('\n');
}
