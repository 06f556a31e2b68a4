import type { EventStore, RecordedEvent } from '#event-store';
import { canSee, parseAsOf, PUBLIC_VIEWER, type Viewer } from '#eventsourcing';
import type { Page } from './audit.query.js';

/** An event as the audit shows it: the whole envelope, straight from the store. */
export interface AuditedEvent {
  readonly id: string;
  readonly position: number;
  readonly stream: string;
  readonly revision: number;
  readonly type: string;
  readonly schemaVersion: number;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: { id: string; role: string; state: string | null } | null;
  readonly commandId: string | null;
  readonly commandType: string | null;
  readonly correlationId: string | null;
  readonly causationId: string | null;
  readonly source: unknown;
  readonly visibility: string | null;
  readonly data: Readonly<Record<string, unknown>>;
}

export function toAuditedEvent(event: RecordedEvent): AuditedEvent {
  const m = event.metadata;
  return {
    id: event.id,
    position: event.position,
    stream: event.stream,
    revision: event.revision,
    type: event.type,
    schemaVersion: event.schemaVersion,
    occurredAt: m.occurredAt,
    recordedAt: m.recordedAt,
    actor: m.actor ? { id: m.actor.id, role: m.actor.role, state: m.actor.state ?? null } : null,
    commandId: m.commandId ?? null,
    commandType: m.commandType ?? null,
    correlationId: m.correlationId ?? null,
    causationId: m.causationId ?? null,
    source: m.source ?? null,
    visibility: m.visibility ?? null,
    data: event.data,
  };
}

/**
 * Which events an `asOf` keeps: those recorded by then (a time or `position:N`), or those that had
 * happened by then (`occurred:`). Null when the text is not a valid `asOf`.
 */
export function asOfPredicate(asOf: string): ((event: RecordedEvent) => boolean) | null {
  const parsed = parseAsOf(asOf);
  if (!parsed) return null;
  if (parsed.kind === 'position') return (e) => e.position <= parsed.position;
  if (parsed.kind === 'recorded') return (e) => e.metadata.recordedAt <= parsed.at;
  return (e) => e.metadata.occurredAt <= parsed.at;
}

/**
 * A stream's events that the viewer may see, oldest first, a page at a time. Throws
 * `StreamNotFoundError` for a stream without events; null when `kept` and the viewer's rights
 * leave none of them.
 */
export async function entityHistory(
  store: EventStore,
  stream: string,
  page: Page,
  kept?: (event: RecordedEvent) => boolean,
  viewer: Viewer = PUBLIC_VIEWER,
) {
  let total: number;
  let events: RecordedEvent[];
  if (kept || !viewer.all) {
    const all = (await store.readStream(stream)).filter((e) => canSee(viewer, e) && (!kept || kept(e)));
    if (all.length === 0) return null;
    total = all.length;
    events = all.slice(page.offset, page.offset + page.limit);
  } else {
    const [last] = await store.readStream(stream, { direction: 'backwards', limit: 1 });
    total = last.revision + 1;
    events =
      page.offset >= total
        ? []
        : await store.readStream(stream, { fromRevision: page.offset, limit: page.limit });
  }
  return { stream, items: events.map(toAuditedEvent), total, limit: page.limit, offset: page.offset };
}

/** The events at these global positions, in the same order (positions the log lacks are left out). */
export async function eventsAt(store: EventStore, positions: readonly number[]): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for (const position of positions) {
    const [event] = await store.readAll({ after: position - 1, limit: 1 });
    if (event?.position === position) events.push(event);
  }
  return events;
}
