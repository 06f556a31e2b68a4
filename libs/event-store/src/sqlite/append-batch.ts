import { streamCategory } from '../envelope.js';
import { DuplicateEventIdError } from '../errors.js';
import type { AppendResult, ExpectedRevision } from '../event-store.js';
import { checkExpectedRevision } from '../expected-revision.js';
import { canonicalEvent, chainHash, GENESIS_HASH } from './event-hash.js';
import type { SerializedEvent } from './event-rows.js';
import type { Statements } from './statements.js';

export interface AppendRequest {
  readonly stream: string;
  readonly events: readonly SerializedEvent[];
  readonly expectedRevision: ExpectedRevision;
}

/**
 * The body of the append transaction; the caller runs it under `BEGIN IMMEDIATE`, so the
 * revision checked here is still the stream's revision when the rows are inserted.
 */
export function appendBatch(statements: Statements, request: AppendRequest): AppendResult {
  const { stream, events } = request;
  const stored = statements.findById.get(events[0].id);
  if (stored) return replayedAppend(statements, request, stored);

  const last = statements.lastOfStream.get(stream);
  checkExpectedRevision(stream, request.expectedRevision, last ? last[0] : null);

  const category = streamCategory(stream);
  let revision = last ? last[0] : -1;
  // The audit chain (DESIGN §8): each event's hash covers the previous one, under the write lock,
  // so no event is stored without its hash and the chain follows the global order.
  const tip = statements.tip.get();
  let position = tip ? tip[0] : 0;
  let prevHash = tip?.[1] ?? GENESIS_HASH;
  const positions: number[] = [];
  for (const event of events) {
    revision++;
    position++;
    const hash = chainHash(
      prevHash,
      canonicalEvent({
        type: event.type,
        schemaVersion: event.schemaVersion,
        canonicalData: event.canonicalData,
        canonicalMetadata: event.canonicalMetadata,
        stream,
        revision,
        position,
      }),
    );
    try {
      statements.insert.run(
        position,
        event.id,
        stream,
        revision,
        category,
        event.type,
        event.schemaVersion,
        event.data,
        event.metadata,
        event.recordedAt,
        prevHash,
        hash,
      );
    } catch (error) {
      // Only a later event of the batch can hit this: the first one was looked up above.
      if (isDuplicateId(error)) throw new DuplicateEventIdError(event.id, stream);
      throw error;
    }
    prevHash = hash;
    positions.push(position);
  }
  return { stream, revision, firstPosition: positions[0], position, positions, idempotent: false };
}

/**
 * Like EventStoreDB: a batch whose ids are all stored, in this stream, at consecutive
 * revisions, is a retry of an append that succeeded; anything else is a conflict.
 */
function replayedAppend(
  statements: Statements,
  { stream, events }: AppendRequest,
  [storedStream, storedRevision]: [string, number, number],
): AppendResult {
  const conflict = () => new DuplicateEventIdError(events[0].id, stream);
  if (storedStream !== stream) throw conflict();
  const rows = statements.idsFrom.all(stream, storedRevision, events.length);
  if (rows.length !== events.length) throw conflict();
  if (rows.some(([id], index) => id !== events[index].id)) throw conflict();
  return {
    stream,
    revision: storedRevision + events.length - 1,
    firstPosition: rows[0][1],
    position: rows[rows.length - 1][1],
    positions: rows.map((row) => row[1]),
    idempotent: true,
  };
}

function isDuplicateId(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof message === 'string' && message.includes('events.id');
}
