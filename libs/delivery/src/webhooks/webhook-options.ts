import { DEFAULT_RETRY, type RetryPolicy } from './backoff.js';
import type { Resolve } from './target-check.js';

export interface WebhooksOptions {
  /** `delivery.sqlite` is kept here (KURULTAI_DATA_DIR). */
  readonly dataDir: string;
  /** Allow loopback, private and unique-local targets (KURULTAI_WEBHOOKS_ALLOW_PRIVATE); link-local never. */
  readonly allowPrivateTargets: boolean;
  /** Back-off and attempts before parking (KURULTAI_WEBHOOKS_RETRY_BASE_MS, _RETRY_CAP_MS, _MAX_ATTEMPTS). */
  readonly retry?: Partial<RetryPolicy>;
  /** How long one delivery may take before it counts as failed (KURULTAI_WEBHOOKS_TIMEOUT_MS). */
  readonly timeoutMs?: number;
  /** For tests: the resolver and the randomness of the jitter. */
  readonly resolve?: Resolve;
  readonly random?: () => number;
}

export interface ResolvedWebhooksOptions {
  readonly dataDir: string;
  readonly allowPrivateTargets: boolean;
  readonly retry: RetryPolicy;
  readonly timeoutMs: number;
  readonly resolve?: Resolve;
  readonly random: () => number;
}

export const WEBHOOKS_OPTIONS = Symbol.for('kurultai.WebhooksOptions');

export function resolveOptions(options: WebhooksOptions): ResolvedWebhooksOptions {
  return {
    dataDir: options.dataDir,
    allowPrivateTargets: options.allowPrivateTargets,
    retry: { ...DEFAULT_RETRY, ...options.retry },
    timeoutMs: options.timeoutMs ?? 10_000,
    ...(options.resolve ? { resolve: options.resolve } : {}),
    random: options.random ?? Math.random,
  };
}
