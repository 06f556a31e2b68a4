import { toCsv } from './csv.js';
import { english, type PlanReport } from './plan-report.js';

export const PLAN_REPORT_CSV_HEADER = [
  'plan_id',
  'as_of',
  'log_position',
  'seq',
  'activity_id',
  'activity',
  'kind',
  'status',
  'progress',
  'lead_state',
  'lead_state_name',
  'lead_institution_id',
  'participating_states',
  'planned_start',
  'planned_end',
  'actual_start',
  'actual_end',
  'overdue',
  'scheduled_as',
] as const;

/** One row per activity, with the plan, the as-of and the log position on each so rows stand alone. */
export function renderPlanReportCsv(report: PlanReport): string {
  const { plan } = report;
  return toCsv(
    PLAN_REPORT_CSV_HEADER,
    plan.activities.map((a, i) => [
      plan.id,
      report.asOf.value,
      report.logPosition,
      i + 1,
      a.id,
      english(a.title),
      a.kind,
      a.status,
      a.progress,
      a.leadState,
      report.stateNames[a.leadState] ?? '',
      a.leadInstitutionId,
      a.participatingStates.join(', '),
      a.plannedStart,
      a.plannedEnd,
      a.actualStart,
      a.actualEnd,
      a.overdue,
      a.scheduledAs,
    ]),
  );
}

/** `plan-diaspora-2025-as-of-occurred-2025-12-31.csv`: safe in a Content-Disposition header. */
export function reportFileName(report: PlanReport, extension: string): string {
  const asOf = report.asOf.value.replace(/[^A-Za-z0-9-]+/g, '-').replace(/-+$/, '');
  return `plan-${report.plan.id}-as-of-${asOf}.${extension}`;
}
