import { ErrorType, isCommandError } from '@eventstore/db-client';
import { parseConnectionString } from '@eventstore/db-client/dist/Client/parseConnectionString.js';
import { EventStoreError } from '../errors.js';

/** EventStoreDB could not be reached, or the connection string is not one the client accepts. */
export class EsdbConnectionError extends EventStoreError {
  constructor(
    /** The address as given, without a password. */
    readonly address: string,
    reason: string,
  ) {
    super(`EventStoreDB at ${address}: ${reason}`);
  }
}

/** The connection string with any `user:password@` removed, for messages and logs. */
export function redactConnectionString(connectionString: string): string {
  return connectionString.replace(/\/\/[^/@]*@/, '//');
}

/**
 * Why the client would refuse `connectionString` (`esdb://`, `esdb+discover://`, hosts,
 * `tls`, `tlsVerifyCert`, `tlsCAFile`, ...), or `null` when it accepts it. The client's own
 * parser decides, so the engine's configuration check and the client never disagree.
 */
export function connectionStringProblem(connectionString: string): string | null {
  try {
    const parsed = parseConnectionString(connectionString);
    if (parsed.hosts.length === 0) return 'names no host';
    return null;
  } catch (error) {
    return error instanceof Error ? error.message.split('\n')[0] : String(error);
  }
}

// NOT_LEADER: the client has already pointed its next channel at the leader the node named.
const TRANSIENT = new Set<string>([
  ErrorType.UNAVAILABLE,
  ErrorType.CANCELLED,
  ErrorType.DEADLINE_EXCEEDED,
  ErrorType.NOT_LEADER,
]);
/** gRPC status codes of a dropped or refused connection: CANCELLED, DEADLINE_EXCEEDED, UNAVAILABLE. */
const TRANSIENT_CODES = new Set([1, 4, 14]);

/** A failure that a new connection can cure: the server went away, restarted, is not there yet or is no longer the leader. */
export function isTransient(error: unknown): boolean {
  if (error instanceof Error && isCommandError(error)) return TRANSIENT.has(error.type);
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' && TRANSIENT_CODES.has(code);
}

/** How the adapter waits between attempts to reach the server again. */
export interface ReconnectPolicy {
  /** First pause, doubled on each failure up to `capMs`. */
  readonly baseMs: number;
  readonly capMs: number;
  /** Attempts of one read or append before its error is thrown (subscriptions never give up). */
  readonly maxAttempts: number;
}

export const DEFAULT_RECONNECT: ReconnectPolicy = { baseMs: 100, capMs: 2_000, maxAttempts: 12 };

export function backoff(policy: ReconnectPolicy, attempt: number): number {
  return Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempt, 20));
}

export const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());
