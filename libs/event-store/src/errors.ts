import type { ExpectedRevision } from './event-store.js';

/** Base class of every error the store raises on purpose. */
export class EventStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The stream was not at the revision the caller expected. */
export class WrongExpectedVersionError extends EventStoreError {
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    /** The stream's last revision, or `null` when the stream does not exist. */
    readonly actual: number | null,
  ) {
    super(
      `stream ${stream} expected at ${String(expected)} but is at ${actual === null ? 'no stream' : actual}`,
    );
  }
}

export class StreamNotFoundError extends EventStoreError {
  constructor(readonly stream: string) {
    super(`stream ${stream} not found`);
  }
}

/** An event id is already stored, but not as part of the same append. */
export class DuplicateEventIdError extends EventStoreError {
  constructor(
    readonly eventId: string,
    readonly stream: string,
  ) {
    super(`event ${eventId} is already stored in another place than stream ${stream} at this revision`);
  }
}

/** The store could not get the write lock (another process holds it) in time. */
export class StoreBusyError extends EventStoreError {}

/** The store was used after `close()`. */
export class StoreClosedError extends EventStoreError {}

/** The caller passed something the store cannot accept (an empty stream name, twin event ids...). */
export class InvalidArgumentError extends EventStoreError {}
