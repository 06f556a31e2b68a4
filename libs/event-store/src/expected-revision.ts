import { WrongExpectedVersionError } from './errors.js';
import type { ExpectedRevision } from './event-store.js';

/**
 * Checks a stream's last revision (`null`: no stream) against what the caller expected and
 * throws `WrongExpectedVersionError` on a mismatch. Shared by adapters that check it themselves.
 */
export function checkExpectedRevision(
  stream: string,
  expected: ExpectedRevision,
  actual: number | null,
): void {
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && actual === null) ||
    (expected === 'stream_exists' && actual !== null) ||
    expected === actual;
  if (!ok) throw new WrongExpectedVersionError(stream, expected, actual);
}
