import type { Database } from 'better-sqlite3';
import { PUBLIC_VIEWER, statementsFor, visibilityParams, visibleSql, type Viewer } from '#eventsourcing';
import type { Page } from './audit.query.js';

/** An event a chain link points to. */
export interface EventRef {
  readonly eventId: string;
  readonly position: number;
  readonly stream: string;
  readonly type: string;
}

export interface ChainLink {
  readonly position: number;
  readonly eventId: string;
  readonly stream: string;
  readonly revision: number;
  readonly type: string;
  readonly actor: { id: string | null; role: string | null; state: string | null };
  readonly commandId: string | null;
  readonly commandType: string | null;
  readonly occurredAt: string | null;
  readonly recordedAt: string | null;
  readonly causationId: string | null;
  /** The event whose id is the causation id, when it is an event of the log. */
  readonly causedBy: EventRef | null;
  /** The events this one caused, oldest first. */
  readonly caused: EventRef[];
}

interface CorrelationRow {
  correlation_id: string;
  position: number;
  event_id: string;
  causation_id: string | null;
  stream: string;
  revision: number;
  type: string;
  actor_id: string | null;
  actor_role: string | null;
  actor_state: string | null;
  command_id: string | null;
  command_type: string | null;
  occurred_at: string | null;
  recorded_at: string | null;
}

type RefRow = { event_id: string; position: number; stream: string; type: string };

// Links, causes and effects alike, are only the events the viewer may see.
const statements = statementsFor((db: Database) => ({
  page: db.prepare<Record<string, unknown>, CorrelationRow>(
    `SELECT * FROM rm_audit_correlation WHERE correlation_id = @correlationId AND ${visibleSql()}
     ORDER BY position LIMIT @limit OFFSET @offset`,
  ),
  count: db.prepare<Record<string, unknown>, { n: number }>(
    `SELECT COUNT(*) AS n FROM rm_audit_correlation WHERE correlation_id = @correlationId AND ${visibleSql()}`,
  ),
  event: db.prepare<Record<string, unknown>, RefRow>(
    `SELECT event_id, position, stream, type FROM rm_audit_correlation WHERE event_id = @eventId AND ${visibleSql()}`,
  ),
  caused: db.prepare<Record<string, unknown>, RefRow>(
    `SELECT event_id, position, stream, type FROM rm_audit_correlation WHERE causation_id = @eventId
       AND ${visibleSql()} ORDER BY position`,
  ),
}));

/**
 * Every event sharing a correlation id that the viewer may see, oldest first, with who caused
 * what; null when there is none.
 */
export function correlationChain(
  db: Database,
  correlationId: string,
  page: Page,
  viewer: Viewer = PUBLIC_VIEWER,
) {
  const s = statements(db);
  const seen = visibilityParams(viewer);
  const total = s.count.get({ correlationId, ...seen })?.n ?? 0;
  if (total === 0) return null;
  const rows = s.page.all({ correlationId, ...seen, limit: page.limit, offset: page.offset });
  const items = rows.map((r): ChainLink => {
    const cause = r.causation_id === null ? undefined : s.event.get({ eventId: r.causation_id, ...seen });
    return {
      position: r.position,
      eventId: r.event_id,
      stream: r.stream,
      revision: r.revision,
      type: r.type,
      actor: { id: r.actor_id, role: r.actor_role, state: r.actor_state },
      commandId: r.command_id,
      commandType: r.command_type,
      occurredAt: r.occurred_at,
      recordedAt: r.recorded_at,
      causationId: r.causation_id,
      causedBy: cause ? toRef(cause) : null,
      caused: s.caused.all({ eventId: r.event_id, ...seen }).map(toRef),
    };
  });
  return { correlationId, items, total, limit: page.limit, offset: page.offset };
}

function toRef(r: RefRow): EventRef {
  return { eventId: r.event_id, position: r.position, stream: r.stream, type: r.type };
}
