import { EventStoreError, StoreBusyError } from '../errors.js';

/**
 * Turns the driver's lock timeout into the port's `StoreBusyError`; the store's own errors and
 * anything unexpected pass through unchanged.
 */
export function translateSqliteError(error: unknown, path: string, busyTimeoutMs: number): unknown {
  if (error instanceof EventStoreError) return error;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))) {
    return new StoreBusyError(
      `the event store ${path} is locked by another connection or process; ` +
        `gave up after waiting ${busyTimeoutMs} ms (nothing was written)`,
    );
  }
  return error;
}
