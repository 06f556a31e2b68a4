import { ErrorType, isCommandError, type ResolvedEvent } from '@eventstore/db-client';
import { StreamNotFoundError, WrongExpectedVersionError } from '../errors.js';
import type { ExpectedRevision } from '../event-store.js';

/** The client's errors the port names: a wrong expected revision, a missing stream; others as they are. */
export function mapEsdbError(error: unknown, stream: string, expected: ExpectedRevision): unknown {
  if (!(error instanceof Error) || !isCommandError(error)) return error;
  if (error.type === ErrorType.WRONG_EXPECTED_VERSION) {
    const actual = error.actualVersion;
    return new WrongExpectedVersionError(
      stream,
      expected,
      typeof actual === 'bigint' ? Number(actual) : null,
    );
  }
  if (error.type === ErrorType.STREAM_NOT_FOUND) return new StreamNotFoundError(stream);
  return error;
}

/**
 * Reads a bounded read (`maxCount`) to its end. Leaving a `for await` early ends the client's
 * wrapper but not its gRPC call, which then holds `dispose()` until the close grace runs out.
 */
export async function drain(read: AsyncIterable<ResolvedEvent>): Promise<ResolvedEvent[]> {
  const all: ResolvedEvent[] = [];
  for await (const resolved of read) all.push(resolved);
  return all;
}
