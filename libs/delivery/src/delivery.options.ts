import type { RecordedEvent } from '#event-store';
import { actorOfRequest, canSee, ProblemException, viewerOf } from '#eventsourcing';

/**
 * Decides which events one caller may see. The feed asks it once per request and applies the
 * returned predicate to every event it would deliver. The default, `callerAccess`, reads the
 * caller the identity layer verified; another policy may replace it.
 */
export interface FeedAccessPolicy {
  /** `request` is the framework's request object (Fastify's), left opaque here. May throw a problem (401). */
  forRequest(request: unknown): CanSee;
}

/** Whether the caller may see this event. */
export type CanSee = (event: RecordedEvent) => boolean;

/**
 * The feeds follow the visibility policy (`canSee`, docs/visibility.md): the Secretariat and
 * auditors get every event, a focal point the public ones and the internal ones of its own
 * state, a service the public ones. Anonymous callers get no feed at all (401).
 */
export const callerAccess: FeedAccessPolicy = {
  forRequest(request) {
    const actor = actorOfRequest(request);
    if (!actor || actor.role === 'anonymous') {
      throw ProblemException.of(
        401,
        'unauthenticated',
        'The event feeds need an identity',
        'send a bearer token or an API key; anonymous callers read the public read models only',
      );
    }
    const viewer = viewerOf(actor);
    return (event) => canSee(viewer, event);
  },
};

/** Public events only, whoever asks (a deployment that serves no internal events downstream). */
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
  /** Who may see what (default: `callerAccess`, the caller's rights). */
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
    access: options.access ?? callerAccess,
    ...(options.probe ? { probe: options.probe } : {}),
  };
}
