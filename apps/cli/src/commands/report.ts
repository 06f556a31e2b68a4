import { writeFileSync } from 'node:fs';
import {
  AsOfReplayer,
  FULL_VIEWER,
  openReadModelDb,
  ProblemException,
  ProjectionRunner,
  PUBLIC_VIEWER,
  ReadModels,
  type EventSourcingOptions,
} from '#eventsourcing';
import { allProjections } from '#read-models';
import type { PlanReport } from '../../../../libs/read-models/src/reports/plan-report.js';
import { renderPlanReportCsv } from '../../../../libs/read-models/src/reports/plan-report.csv.js';
import { renderPlanReportHtml } from '../../../../libs/read-models/src/reports/plan-report.html.js';
import {
  GetPlanReport,
  GetPlanReportHandler,
} from '../../../../libs/read-models/src/reports/plan-report.query.js';
import { callEngine, CliError, EXIT, openReadingStore } from '../support.js';

export type ReportFormat = 'html' | 'csv' | 'json';
export const REPORT_FORMATS: readonly ReportFormat[] = ['html', 'csv', 'json'];

export interface ReportOptions {
  readonly asOf?: string;
  readonly format: ReportFormat;
  /** Internal items too (offline only: the operator holds the whole log); public items by default. */
  readonly includeInternal?: boolean;
}

/**
 * The annual implementation report of a plan, offline: the same query handler and renderers as
 * `GET /api/reports/plans/{id}`, over the log of `dataDir` replayed in memory.
 */
export async function planReportOffline(
  dataDir: string,
  planId: string,
  options: ReportOptions,
): Promise<string> {
  if (!REPORT_FORMATS.includes(options.format))
    throw new CliError(`--format must be one of ${REPORT_FORMATS.join(', ')}`, EXIT.usage);
  const store = await openReadingStore(dataDir);
  const clock = () => new Date();
  // The live view the report needs (the plan's year, for its default as-of) is a replay to the head.
  const db = openReadModelDb(':memory:');
  // In memory, for one report: no row history (the report replays its own "as of").
  const runner = new ProjectionRunner(store, db, allProjections, { rowHistory: false });
  const replayer = new AsOfReplayer(store, allProjections, null);
  const engineOptions: EventSourcingOptions = {
    openStore: async () => store,
    readModelPath: ':memory:',
    projections: allProjections,
    commandRetries: 0,
    readWaitMs: 600_000,
  };
  try {
    runner.start();
    const head = (await store.head()).position;
    if (!(await runner.waitFor(head, 600_000)))
      throw new CliError(`the replay failed: ${runner.error ?? 'time-out'}`);
    const handler = new GetPlanReportHandler(
      new ReadModels(runner, replayer, engineOptions, clock),
      store,
      clock,
    );
    let report: PlanReport;
    try {
      report = await handler.execute(
        new GetPlanReport(
          planId,
          options.asOf === undefined ? {} : { asOf: options.asOf },
          options.includeInternal ? FULL_VIEWER : PUBLIC_VIEWER,
        ),
      );
    } catch (error) {
      if (error instanceof ProblemException)
        throw new CliError(
          error.problem.detail ?? error.problem.title,
          error.problem.status === 404 ? EXIT.notFound : EXIT.usage,
        );
      throw error;
    }
    return render(report, options.format);
  } finally {
    await runner.stop();
    await replayer.close();
    db.close();
    await store.close();
  }
}

/** The same report from a running engine. */
export async function planReportOnline(url: string, planId: string, options: ReportOptions): Promise<string> {
  const query = new URLSearchParams({ format: options.format });
  if (options.asOf) query.set('asOf', options.asOf);
  return (await callEngine(url, `/api/reports/plans/${encodeURIComponent(planId)}?${query}`)).text;
}

function render(report: PlanReport, format: ReportFormat): string {
  switch (format) {
    case 'html':
      return renderPlanReportHtml(report);
    case 'csv':
      return renderPlanReportCsv(report);
    case 'json':
      return JSON.stringify(report, null, 2) + '\n';
  }
}

/** Writes the report to `file`, or to stdout when there is none or it is `-`. */
export function writeReport(text: string, file: string | undefined, stdout: (text: string) => void): void {
  if (file === undefined || file === '-') stdout(text);
  else writeFileSync(file, text);
}
