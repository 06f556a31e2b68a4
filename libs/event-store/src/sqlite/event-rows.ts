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

export function serialize(event: NewEvent): SerializedEvent {
  try {
    return {
      id: event.id,
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: JSON.stringify(event.data),
      metadata: JSON.stringify(event.metadata),
      recordedAt: event.metadata.recordedAt,
      canonicalData: canonicalJson(event.data),
      canonicalMetadata: canonicalJson(event.metadata),
    };
  } catch (error) {
    throw new InvalidArgumentError(`event ${event.id} cannot be stored as JSON: ${(error as Error).message}`);
  }
}
