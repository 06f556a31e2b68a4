import type { NewEvent } from '../envelope.js';
import { canonicalJson, chainHash, GENESIS_HASH } from '../sqlite/event-hash.js';

/**
 * The metadata key of an event's audit hashes on EventStoreDB. The adapter writes it and
 * strips it again on read, so the port's events are the same on both stores.
 */
export const AUDIT_KEY = 'kurultaiAudit';

/** One link of a stream's audit chain, as carried in the event's metadata. */
export interface AuditLink {
  readonly prevHash: string;
  readonly hash: string;
}

export { GENESIS_HASH };

/**
 * The canonical bytes of an event on EventStoreDB: RFC 8785 JSON of
 * `{data, metadata, revision, schemaVersion, stream, type}`. Unlike the embedded store's chain,
 * which runs through the global log, EventStoreDB gives each stream a chain of its own (DESIGN
 * §8): the global position is not known before the server writes the event, the stream revision
 * is, and the expected revision guards the previous hash.
 */
export function canonicalStreamEvent(stream: string, revision: number, event: NewEvent): string {
  return canonicalJson({
    data: event.data,
    metadata: event.metadata,
    revision,
    schemaVersion: event.schemaVersion,
    stream,
    type: event.type,
  });
}

/** The audit links of `events` appended to `stream` after `revision` whose last hash is `prevHash`. */
export function chainLinks(
  stream: string,
  lastRevision: number,
  prevHash: string,
  events: readonly NewEvent[],
): AuditLink[] {
  let previous = prevHash;
  return events.map((event, index) => {
    const hash = chainHash(previous, canonicalStreamEvent(stream, lastRevision + 1 + index, event));
    const link = { prevHash: previous, hash };
    previous = hash;
    return link;
  });
}

export function isAuditLink(value: unknown): value is AuditLink {
  const link = value as Partial<AuditLink> | null | undefined;
  return typeof link?.prevHash === 'string' && typeof link.hash === 'string';
}
