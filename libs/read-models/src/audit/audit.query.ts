import type { Database } from 'better-sqlite3';
import { PUBLIC_VIEWER, statementsFor, visibilityParams, visibleSql, type Viewer } from '#eventsourcing';

/** One event of the log as the audit index keeps it (no data: see the entity's history for that). */
export interface AuditEntry {
  readonly position: number;
  readonly eventId: string;
  readonly stream: string;
  readonly type: string;
  readonly actor: { id: string | null; role: string | null; state: string | null };
  readonly commandId: string | null;
  readonly commandType: string | null;
  readonly correlationId: string | null;
  readonly occurredAt: string | null;
  readonly recordedAt: string | null;
  readonly visibility: string | null;
}

export interface Page {
  readonly limit: number;
  readonly offset: number;
}

/** Bounds on the recorded time: a day alone means from its start, or to its end (UTC). */
export interface TimeRange {
  readonly from?: string;
  readonly to?: string;
}

export interface TimelineFilter extends Page, TimeRange {
  readonly actor?: string;
  readonly type?: string;
  readonly stream?: string;
}

export interface ActorSummary {
  readonly events: number;
  /** Distinct commands: a command may record several events. */
  readonly commands: number;
  readonly roles: string[];
  readonly states: string[];
  readonly firstRecordedAt: string | null;
  readonly lastRecordedAt: string | null;
}

interface ActorRow {
  position: number;
  event_id: string;
  actor_id: string | null;
  actor_role: string | null;
  actor_state: string | null;
  stream: string;
  type: string;
  command_id: string | null;
  command_type: string | null;
  correlation_id: string | null;
  occurred_at: string | null;
  recorded_at: string | null;
  visibility: string | null;
}

const WHERE = `WHERE (@actor IS NULL OR actor_id = @actor) AND (@type IS NULL OR type = @type)
  AND (@stream IS NULL OR stream = @stream) AND (@from IS NULL OR recorded_at >= @from)
  AND (@to IS NULL OR recorded_at <= @to) AND ${visibleSql()}`;

const statements = statementsFor((db: Database) => ({
  page: db.prepare<Record<string, unknown>, ActorRow>(
    `SELECT * FROM rm_audit_actor ${WHERE} ORDER BY position DESC LIMIT @limit OFFSET @offset`,
  ),
  count: db.prepare<Record<string, unknown>, { n: number }>(
    `SELECT COUNT(*) AS n FROM rm_audit_actor ${WHERE}`,
  ),
  // Only the events the viewer may see are summed up.
  summary: db.prepare<Record<string, unknown>, Record<string, string | number | null>>(
    `SELECT COUNT(*) AS events, COUNT(DISTINCT command_id) AS commands,
       json_group_array(DISTINCT actor_role) FILTER (WHERE actor_role IS NOT NULL) AS roles,
       json_group_array(DISTINCT actor_state) FILTER (WHERE actor_state IS NOT NULL) AS states,
       MIN(recorded_at) AS first, MAX(recorded_at) AS last
     FROM rm_audit_actor WHERE actor_id = @actorId AND ${visibleSql()}`,
  ),
}));

/** Recent events the viewer may see across the log, newest first, by actor, type, stream and recorded time. */
export function auditTimeline(db: Database, filter: TimelineFilter, viewer: Viewer = PUBLIC_VIEWER) {
  const s = statements(db);
  const params = {
    ...visibilityParams(viewer),
    actor: filter.actor ?? null,
    type: filter.type ?? null,
    stream: filter.stream ?? null,
    from: bound(filter.from, 'start'),
    to: bound(filter.to, 'end'),
  };
  const items = s.page.all({ ...params, limit: filter.limit, offset: filter.offset }).map(toEntry);
  const total = s.count.get(params)?.n ?? 0;
  return { items, total, limit: filter.limit, offset: filter.offset };
}

/** What an actor did that the viewer may see, newest first; null when the log holds nothing of that. */
export function actorHistory(
  db: Database,
  actorId: string,
  filter: Page & TimeRange,
  viewer: Viewer = PUBLIC_VIEWER,
) {
  const row = statements(db).summary.get({ actorId, ...visibilityParams(viewer) });
  if (!row || row.events === 0) return null;
  const summary: ActorSummary = {
    events: Number(row.events),
    commands: Number(row.commands),
    roles: JSON.parse(String(row.roles)) as string[],
    states: JSON.parse(String(row.states)) as string[],
    firstRecordedAt: row.first === null ? null : String(row.first),
    lastRecordedAt: row.last === null ? null : String(row.last),
  };
  return { actorId, summary, ...auditTimeline(db, { ...filter, actor: actorId }, viewer) };
}

function bound(time: string | undefined, side: 'start' | 'end'): string | null {
  if (time === undefined) return null;
  if (time.length === 10) return `${time}T${side === 'start' ? '00:00:00.000' : '23:59:59.999'}Z`;
  return new Date(time).toISOString();
}

function toEntry(r: ActorRow): AuditEntry {
  return {
    position: r.position,
    eventId: r.event_id,
    stream: r.stream,
    type: r.type,
    actor: { id: r.actor_id, role: r.actor_role, state: r.actor_state },
    commandId: r.command_id,
    commandType: r.command_type,
    correlationId: r.correlation_id,
    occurredAt: r.occurred_at,
    recordedAt: r.recorded_at,
    visibility: r.visibility,
  };
}
