import type { NewEvent, RecordedEvent } from '../envelope.js';
import { InvalidArgumentError } from '../errors.js';
import { canonicalJson } from './event-hash.js';

/** The columns every read selects, in the order `toRecordedEvent` expects them. */
export const EVENT_COLUMNS = 'position, id, stream, revision, type, schema_version, data, metadata';

/** A row read with `.raw()`: arrays are cheaper to build than objects for long reads. */
export type EventRow = [
  position: number,
  id: string,
  stream: string,
  revision: number,
  type: string,
  schemaVersion: number,
  data: string,
  metadata: string,
];

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row[1],
    type: row[4],
    schemaVersion: row[5],
    data: JSON.parse(row[6]) as RecordedEvent['data'],
    metadata: JSON.parse(row[7]) as RecordedEvent['metadata'],
    stream: row[2],
    revision: row[3],
    position: row[0],
  };
}

export function toRecordedEvents(rows: readonly EventRow[]): RecordedEvent[] {
  const events = new Array<RecordedEvent>(rows.length);
  for (let i = 0; i < rows.length; i++) events[i] = toRecordedEvent(rows[i]);
  return events;
}

/** An event serialised before the write lock is taken, so the lock is held as briefly as possible. */
export interface SerializedEvent {
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: string;
  readonly metadata: string;
  readonly recordedAt: string;
  /** RFC 8785 forms of data and metadata, which the audit hash covers (see `event-hash.ts`). */
  readonly canonicalData: string;
  readonly canonicalMetadata: string;
}

/** `previous`: the event before it in the same append, and its serialised form. */
export function serialize(
  event: NewEvent,
  previous?: { readonly event: NewEvent; readonly serialized: SerializedEvent },
): SerializedEvent {
  try {
    // The events of one command share their metadata object: it is written once.
    const same = previous !== undefined && previous.event.metadata === event.metadata;
    return {
      id: event.id,
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: JSON.stringify(event.data),
      metadata: same ? previous.serialized.metadata : JSON.stringify(event.metadata),
      recordedAt: event.metadata.recordedAt,
      canonicalData: canonicalJson(event.data),
      canonicalMetadata: same ? previous.serialized.canonicalMetadata : canonicalJson(event.metadata),
    };
  } catch (error) {
    throw new InvalidArgumentError(`event ${event.id} cannot be stored as JSON: ${(error as Error).message}`);
  }
}

/** Serialises the events of one append. */
export function serializeAll(events: readonly NewEvent[]): SerializedEvent[] {
  const serialized: SerializedEvent[] = [];
  for (let i = 0; i < events.length; i++) {
    const previous = i === 0 ? undefined : { event: events[i - 1], serialized: serialized[i - 1] };
    serialized.push(serialize(events[i], previous));
  }
  return serialized;
}
