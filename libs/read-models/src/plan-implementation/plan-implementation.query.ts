import type { Database } from 'better-sqlite3';
import {
  canSeeItem,
  PUBLIC_VIEWER,
  statementsFor,
  visibilityParams,
  visibleSql,
  type Viewer,
} from '#eventsourcing';

export interface ActivityView {
  readonly id: string;
  readonly kind: string;
  readonly title: Record<string, string>;
  readonly leadState: string;
  readonly leadInstitutionId: string | null;
  readonly participatingStates: string[];
  readonly plannedStart: string | null;
  readonly plannedEnd: string | null;
  readonly status: string;
  readonly progress: number;
  /** The Activity that carries it out, once scheduled from the plan. */
  readonly scheduledAs: string | null;
  readonly actualStart: string | null;
  readonly actualEnd: string | null;
  /** Planned to end before today and neither completed nor cancelled. */
  readonly overdue: boolean;
}

export interface RollUp {
  readonly key: string;
  readonly activities: number;
  readonly progress: number;
}

export interface PlanView {
  readonly id: string;
  readonly seriesId: string;
  readonly year: number;
  readonly title: Record<string, string>;
  readonly status: string;
  readonly visibility: string;
  readonly adoption: { decision: unknown; adoptedOn: string; adoptingStates: string[] } | null;
  /** Each amendment with the decision it cites, oldest first. */
  readonly amendments: { amendmentId: string; decision: unknown; amendedOn: string }[];
  readonly closure: { closedOn: string; reason: Record<string, string> | null } | null;
  readonly activities: ActivityView[];
  readonly summary: {
    activities: number;
    progress: number;
    overdue: number;
    byState: RollUp[];
    byKind: RollUp[];
  };
  /** Global position of the last event reflected in this view. */
  readonly position: number;
}

export interface PlanListFilter {
  readonly seriesId?: string;
  readonly year?: number;
  readonly status?: string;
  readonly limit: number;
  readonly offset: number;
}

interface PlanRow {
  plan_id: string;
  series_id: string;
  year: number;
  title: string;
  status: string;
  visibility: string;
  adopted_on: string | null;
  decision: string | null;
  adopting_states: string | null;
  amendments: string;
  closed_on: string | null;
  closing_reason: string | null;
  last_position: number;
  states: string;
}

interface ActivityRow {
  activity_id: string;
  kind: string;
  title: string;
  lead_state: string;
  lead_institution_id: string | null;
  participating_states: string;
  planned_start: string | null;
  planned_end: string | null;
  status: string;
  progress: number;
  scheduled_as: string | null;
  actual_start: string | null;
  actual_end: string | null;
  last_position: number;
  visibility: string;
  states: string;
}

const FINAL = new Set(['completed', 'cancelled']);

const statements = statementsFor((db: Database) => ({
  plan: db.prepare<[string], PlanRow>('SELECT * FROM rm_plan WHERE plan_id = ?'),
  activities: db.prepare<[string], ActivityRow>(
    'SELECT * FROM rm_plan_activity WHERE plan_id = ? ORDER BY seq',
  ),
  list: db.prepare<Record<string, unknown>, PlanRow>(
    `SELECT * FROM rm_plan WHERE (@seriesId IS NULL OR series_id = @seriesId) AND (@year IS NULL OR year = @year)
       AND (@status IS NULL OR status = @status) AND ${visibleSql()} ORDER BY year DESC, plan_id LIMIT @limit OFFSET @offset`,
  ),
  count: db.prepare<Record<string, unknown>, { n: number }>(
    `SELECT COUNT(*) AS n FROM rm_plan WHERE (@seriesId IS NULL OR series_id = @seriesId)
       AND (@year IS NULL OR year = @year) AND (@status IS NULL OR status = @status) AND ${visibleSql()}`,
  ),
}));

/**
 * Reads the plan-implementation tables; `today` (YYYY-MM-DD) decides what is overdue. Null when
 * there is no such plan or the viewer may not see it; the activities, and the roll-ups made from
 * them, are the ones the viewer may see.
 */
export function findPlan(
  db: Database,
  planId: string,
  today: string,
  viewer: Viewer = PUBLIC_VIEWER,
): PlanView | null {
  const s = statements(db);
  const row = s.plan.get(planId);
  if (!row || !canSeeItem(viewer, row)) return null;
  const rows = s.activities.all(planId).filter((a) => canSeeItem(viewer, a));
  const activities = rows.map((a) => toActivity(a, today));
  const position = rows.reduce((max, a) => Math.max(max, a.last_position), row.last_position);
  return { ...toPlanHeader(row), activities, summary: summarise(activities), position };
}

/** The plans the viewer may see. */
export function listPlans(db: Database, filter: PlanListFilter, viewer: Viewer = PUBLIC_VIEWER) {
  const s = statements(db);
  const params = {
    seriesId: filter.seriesId ?? null,
    year: filter.year ?? null,
    status: filter.status ?? null,
    ...visibilityParams(viewer),
  };
  const rows = s.list.all({ ...params, limit: filter.limit, offset: filter.offset });
  const total = s.count.get(params)?.n ?? 0;
  return { items: rows.map(toPlanHeader), total, limit: filter.limit, offset: filter.offset };
}

function toPlanHeader(row: PlanRow): Omit<PlanView, 'activities' | 'summary' | 'position'> {
  return {
    id: row.plan_id,
    seriesId: row.series_id,
    year: row.year,
    title: JSON.parse(row.title) as Record<string, string>,
    status: row.status,
    visibility: row.visibility,
    adoption: row.adopted_on
      ? {
          decision: JSON.parse(row.decision ?? 'null') as unknown,
          adoptedOn: row.adopted_on,
          adoptingStates: JSON.parse(row.adopting_states ?? '[]') as string[],
        }
      : null,
    amendments: JSON.parse(row.amendments) as PlanView['amendments'],
    closure: row.closed_on
      ? {
          closedOn: row.closed_on,
          reason: row.closing_reason ? (JSON.parse(row.closing_reason) as Record<string, string>) : null,
        }
      : null,
  };
}

function toActivity(row: ActivityRow, today: string): ActivityView {
  return {
    id: row.activity_id,
    kind: row.kind,
    title: JSON.parse(row.title) as Record<string, string>,
    leadState: row.lead_state,
    leadInstitutionId: row.lead_institution_id,
    participatingStates: JSON.parse(row.participating_states) as string[],
    plannedStart: row.planned_start,
    plannedEnd: row.planned_end,
    status: row.status,
    progress: row.progress,
    scheduledAs: row.scheduled_as,
    actualStart: row.actual_start,
    actualEnd: row.actual_end,
    overdue: row.planned_end !== null && row.planned_end < today && !FINAL.has(row.status),
  };
}

function summarise(activities: ActivityView[]): PlanView['summary'] {
  const roll = (key: (a: ActivityView) => string): RollUp[] => {
    const groups = new Map<string, ActivityView[]>();
    for (const a of activities) groups.set(key(a), [...(groups.get(key(a)) ?? []), a]);
    return [...groups]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, list]) => ({ key: k, activities: list.length, progress: average(list) }));
  };
  return {
    activities: activities.length,
    progress: average(activities),
    overdue: activities.filter((a) => a.overdue).length,
    byState: roll((a) => a.leadState),
    byKind: roll((a) => a.kind),
  };
}

function average(list: ActivityView[]): number {
  if (list.length === 0) return 0;
  return Math.round((list.reduce((sum, a) => sum + a.progress, 0) / list.length) * 10) / 10;
}
