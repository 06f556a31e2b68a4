import type { NewEvent } from './envelope.js';
import { InvalidArgumentError } from './errors.js';
import type { ExpectedRevision, LogFilter } from './event-store.js';

/**
 * Refuses an append the store must not take, before any lock is held: the port's types say
 * most of this, but callers reach the store from JSON and plain JavaScript too.
 */
export function validateAppend(
  stream: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
): void {
  if (typeof stream !== 'string' || stream.trim() === '') {
    throw new InvalidArgumentError('the stream name must be a non-empty string');
  }
  if (!Array.isArray(events)) throw new InvalidArgumentError('events must be an array');
  if (!isExpectedRevision(expected)) {
    throw new InvalidArgumentError(
      `expectedRevision must be 'any', 'no_stream', 'stream_exists' or a revision >= 0, not ${String(expected)}`,
    );
  }
  const ids = new Set<string>();
  events.forEach((event, index) => {
    const where = `event ${index} of the append to ${stream}`;
    if (typeof event?.id !== 'string' || event.id === '') {
      throw new InvalidArgumentError(`${where} has no id`);
    }
    if (ids.has(event.id)) throw new InvalidArgumentError(`${where} repeats the id ${event.id}`);
    ids.add(event.id);
    if (typeof event.type !== 'string' || event.type.trim() === '') {
      throw new InvalidArgumentError(`${where} (${event.id}) has no type`);
    }
    if (!Number.isInteger(event.schemaVersion) || event.schemaVersion < 1) {
      throw new InvalidArgumentError(`${where} (${event.id}) needs a schemaVersion >= 1`);
    }
    if (!isPlainObject(event.data))
      throw new InvalidArgumentError(`${where} (${event.id}) needs an object as data`);
    if (!isPlainObject(event.metadata) || typeof event.metadata.recordedAt !== 'string') {
      throw new InvalidArgumentError(`${where} (${event.id}) needs metadata with recordedAt`);
    }
  });
}

/** Limits and counts: absent, or a whole number not below `min`. */
export function validateCount(name: string, value: number | undefined, min = 0): void {
  if (value !== undefined && (!Number.isSafeInteger(value) || value < min)) {
    throw new InvalidArgumentError(`${name} must be a whole number >= ${min}, not ${String(value)}`);
  }
}

export function validateFilter(filter: LogFilter | undefined): void {
  for (const list of [filter?.eventTypes, filter?.categories]) {
    if (list !== undefined && (!Array.isArray(list) || list.some((item) => typeof item !== 'string'))) {
      throw new InvalidArgumentError('filter lists must be arrays of strings');
    }
  }
}

function isExpectedRevision(value: unknown): value is ExpectedRevision {
  return (
    value === 'any' ||
    value === 'no_stream' ||
    value === 'stream_exists' ||
    (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0)
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
