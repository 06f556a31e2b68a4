import type { RecordedEvent } from '#event-store';

/**
 * Decides which events one caller may see. The feed asks it once per request and applies the
 * returned predicate to every event it would deliver; the security layer replaces the default
 * (public events only) with one built from the caller's rights.
 */
export interface FeedAccessPolicy {
  /** `request` is the framework's request object (Fastify's), left opaque here. */
  forRequest(request: unknown): CanSee;
}

/** Whether the caller may see this event. */
export type CanSee = (event: RecordedEvent) => boolean;

/** Everyone sees the `public` events, nobody the `internal` ones (until callers have rights). */
export const publicOnly: FeedAccessPolicy = {
  forRequest: () => (event) => event.metadata.visibility === 'public',
};

/** What a Server-Sent Events session reports to `probe` (tests, metrics). */
export interface SseProbeSample {
  readonly session: number;
  readonly kind: 'write' | 'overflow' | 'close';
  /** Bytes handed to the connection and not yet taken by the socket (`reply.raw.writableLength`). */
  readonly writableLength: number;
  /** Bytes written to the connection since it opened. */
  readonly bytesWritten: number;
  /** Position of the last event written to the connection, `null` before the first. */
  readonly lastEventId: number | null;
}

export interface DeliveryOptions {
  /** A comment line on every open Server-Sent Events connection this often (default 15 s). */
  readonly heartbeatMs?: number;
  /**
   * The most a connection may hold in its write buffer (default 1 MiB). An event that would
   * take it over waits for the client to drain; see `drainTimeoutMs`.
   */
  readonly maxBufferedBytes?: number;
  /**
   * How long the feed waits for a client that does not read (its socket does not drain)
   * before it sends `event: overflow` and closes the connection (default 30 s).
   */
  readonly drainTimeoutMs?: number;
  /** After `overflow` or on shutdown, how long the last bytes may take before the socket is destroyed (default 10 s). */
  readonly closeGraceMs?: number;
  /** The reconnection delay advised to EventSource clients (`retry:`, default 2 s). */
  readonly retryMs?: number;
  /** How many events one catch-up read of the store fetches (default 500). */
  readonly batchSize?: number;
  /** Who may see what (default: public events only). */
  readonly access?: FeedAccessPolicy;
  /** Observes every write, overflow and close of the streaming connections. */
  readonly probe?: (sample: SseProbeSample) => void;
}

export type ResolvedDeliveryOptions = Required<Omit<DeliveryOptions, 'probe'>> &
  Pick<DeliveryOptions, 'probe'>;

export const DELIVERY_OPTIONS = Symbol.for('kurultai.DeliveryOptions');

export function resolveDeliveryOptions(options: DeliveryOptions = {}): ResolvedDeliveryOptions {
  return {
    heartbeatMs: options.heartbeatMs ?? 15_000,
    maxBufferedBytes: options.maxBufferedBytes ?? 1024 * 1024,
    drainTimeoutMs: options.drainTimeoutMs ?? 30_000,
    closeGraceMs: options.closeGraceMs ?? 10_000,
    retryMs: options.retryMs ?? 2_000,
    batchSize: options.batchSize ?? 500,
    access: options.access ?? publicOnly,
    ...(options.probe ? { probe: options.probe } : {}),
  };
}
