/** Retry settings of webhook deliveries. */
export interface RetryPolicy {
  /** Ceiling of the first retry's delay (ms); doubles with every attempt. */
  readonly baseMs: number;
  /** No delay is ever longer than this (ms). */
  readonly capMs: number;
  /** Attempts per event, the first included, before the event is parked. */
  readonly maxAttempts: number;
}

export const DEFAULT_RETRY: RetryPolicy = { baseMs: 1_000, capMs: 5 * 60_000, maxAttempts: 8 };

/** The exponential ceiling after failed attempt `attempt` (1-based): min(cap, base · 2^(attempt-1)). */
export function backoffCeiling(attempt: number, policy: Pick<RetryPolicy, 'baseMs' | 'capMs'>): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 52);
  return Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
}

/**
 * "Full jitter" (AWS architecture blog): a uniformly random delay in [0, ceiling], so that
 * subscribers failing together do not retry in lock step. `random` returns [0, 1).
 */
export function backoffDelay(
  attempt: number,
  policy: Pick<RetryPolicy, 'baseMs' | 'capMs'>,
  random: () => number = Math.random,
): number {
  return Math.floor(random() * (backoffCeiling(attempt, policy) + 1));
}
