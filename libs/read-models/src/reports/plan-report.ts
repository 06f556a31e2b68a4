import { parseAsOf } from '#eventsourcing';
import type { PlanView } from '../plan-implementation/plan-implementation.query.js';

/** The annual implementation report of a plan: the plan view as of a point, and where it comes from. */
export interface PlanReport {
  readonly plan: PlanView;
  readonly asOf: {
    /** As asked, or `occurred:<year>-12-31` by default. */
    readonly value: string;
    /** True when the report's default (the end of the plan's year) was used. */
    readonly defaulted: boolean;
    /** What the view holds, in words. */
    readonly meaning: string;
    /** The day that decides what is overdue (YYYY-MM-DD). */
    readonly day: string;
  };
  /** The last log position the view includes. */
  readonly logPosition: number;
  /** English names of the states the report mentions, by code, as registered in the log. */
  readonly stateNames: Readonly<Record<string, string>>;
  readonly generatedAt: string;
}

/** The report's default: how things stood at the end of the plan's year, by when they happened. */
export function defaultAsOf(year: number): string {
  return `occurred:${year}-12-31`;
}

/** What an `asOf` means, for the report's reader. */
export function asOfMeaning(asOf: string, logPosition: number): string {
  const parsed = parseAsOf(asOf);
  if (!parsed) return asOf;
  switch (parsed.kind) {
    case 'occurred':
      return `everything that had happened by ${readable(parsed.at)}, as known at log position ${logPosition}`;
    case 'recorded':
      return `everything recorded by ${readable(parsed.at)} (log position ${logPosition})`;
    case 'position':
      return `the log up to position ${logPosition}`;
  }
}

/** English text of a multilingual field (English is required; otherwise the first language given). */
export function english(text: Readonly<Record<string, string>> | null | undefined): string {
  if (!text) return '';
  return text.en ?? Object.values(text)[0] ?? '';
}

/** `Türkiye (TR)`, or the code alone when no name is known. */
export function stateLabel(report: PlanReport, code: string): string {
  const name = report.stateNames[code];
  return name ? `${name} (${code})` : code;
}

function readable(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC');
}
