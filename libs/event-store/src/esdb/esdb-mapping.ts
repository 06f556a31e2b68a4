import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  eventTypeFilter,
  jsonEvent,
  streamNameFilter,
  type AppendExpectedRevision,
  type Filter,
  type EventData,
  type Position,
  type ResolvedEvent,
} from '@eventstore/db-client';
import type { EventMetadata, NewEvent, RecordedEvent } from '../envelope.js';
import { streamCategory } from '../envelope.js';
import type { ExpectedRevision, LogFilter } from '../event-store.js';
import { AUDIT_KEY, isAuditLink, type AuditLink } from './esdb-audit-chain.js';

/** Metadata keys the adapter adds next to the envelope's own (and strips again on read). */
const SCHEMA_VERSION = 'schemaVersion';
const ESDB_CORRELATION = '$correlationId';
const ESDB_CAUSATION = '$causationId';

/** Streams whose name starts with this prefix hold the adapter's event-id reservations. */
export const EVENT_ID_STREAM_PREFIX = '$kurultai-event-id-';

export function toEsdbExpected(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return BigInt(expected);
  }
}

/**
 * The port's event as an ESDB JSON event: the envelope metadata plus `schemaVersion`, ESDB's own
 * `$correlationId`/`$causationId` (used by its system projections) and the event's link of its
 * stream's audit chain.
 */
export function toEsdbEvent(event: NewEvent, audit?: AuditLink): EventData {
  return jsonEvent({
    id: event.id,
    type: event.type,
    data: { ...event.data },
    metadata: {
      ...event.metadata,
      [SCHEMA_VERSION]: event.schemaVersion,
      [ESDB_CORRELATION]: event.metadata.correlationId,
      [ESDB_CAUSATION]: event.metadata.causationId,
      ...(audit ? { [AUDIT_KEY]: { prevHash: audit.prevHash, hash: audit.hash } } : {}),
    },
  });
}

/** The audit link an ESDB event carries in its metadata, if any. */
export function auditLinkOf(resolved: ResolvedEvent): AuditLink | undefined {
  const metadata = resolved.event?.metadata as Record<string, unknown> | undefined;
  const link = metadata?.[AUDIT_KEY];
  return isAuditLink(link) ? { prevHash: link.prevHash, hash: link.hash } : undefined;
}

/**
 * The port position of an ESDB event is its commit position: since EventStoreDB 20 every
 * append is an implicit transaction whose events each carry commit == prepare == their own
 * log offset, so the numbers are unique and rise with the log (they are byte offsets, not
 * dense counters).
 */
export function toPortPosition(position: Position | undefined): number {
  if (!position) throw new Error('EventStoreDB returned an event without a $all position');
  return Number(position.commit);
}

/** `after` (exclusive) as an ESDB position; ESDB subscriptions start strictly after it. */
export function fromPortPosition(after: number): Position | 'start' {
  if (after <= 0) return 'start';
  const at = BigInt(after);
  return { commit: at, prepare: at };
}

/** The port's view of a recorded ESDB event, or `undefined` for events it does not own. */
export function toRecordedEvent(resolved: ResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event || !event.isJson || isSystemName(event.streamId) || isSystemName(event.type)) return undefined;
  const stored = (event.metadata ?? {}) as Record<string, unknown>;
  const {
    [SCHEMA_VERSION]: schemaVersion,
    [ESDB_CORRELATION]: _correlation,
    [ESDB_CAUSATION]: _causation,
    [AUDIT_KEY]: _audit,
    ...metadata
  } = stored;
  return {
    id: event.id,
    type: event.type,
    schemaVersion: typeof schemaVersion === 'number' ? schemaVersion : 1,
    data: event.data as Record<string, unknown>,
    metadata: metadata as unknown as EventMetadata,
    stream: event.streamId,
    revision: Number(event.revision),
    position: toPortPosition(event.position),
  };
}

export function isSystemName(name: string): boolean {
  return name.startsWith('$');
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternatives = (names: readonly string[]): string => [...new Set(names)].map(escape).join('|');

/**
 * The server-side part of a port filter. ESDB filters on one thing (stream name or event
 * type): categories become a stream-name regex (`^(?:plan|meeting)(?:-|$)`, the `$ce-`
 * convention), otherwise event types an exact event-type regex; without either, system
 * streams are left out. `matches` applies the whole filter again on the client.
 */
export function toEsdbFilter(filter: LogFilter | undefined): Filter {
  const categories = filter?.categories ?? [];
  const eventTypes = filter?.eventTypes ?? [];
  if (categories.length > 0) return streamNameFilter({ regex: `^(?:${alternatives(categories)})(?:-|$)` });
  if (eventTypes.length > 0) return eventTypeFilter({ regex: `^(?:${alternatives(eventTypes)})$` });
  return streamNameFilter({ regex: '^[^$]' });
}

export function matches(event: RecordedEvent, filter: LogFilter | undefined): boolean {
  const categories = filter?.categories ?? [];
  const eventTypes = filter?.eventTypes ?? [];
  return (
    (categories.length === 0 || categories.includes(streamCategory(event.stream))) &&
    (eventTypes.length === 0 || eventTypes.includes(event.type))
  );
}
