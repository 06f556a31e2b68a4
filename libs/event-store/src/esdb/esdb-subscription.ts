import type { AllStreamSubscription, ResolvedEvent } from '@eventstore/db-client';
import type { RecordedEvent } from '../envelope.js';
import type { LogFilter, Subscription } from '../event-store.js';
import { backoff, delay, isTransient, type ReconnectPolicy } from './esdb-connection.js';
import { matches, toPortPosition, toRecordedEvent } from './esdb-mapping.js';

const CLOSED = Symbol('closed');

/** Opens the server's `$all` subscription strictly after a port position. */
export type OpenAllSubscription = (after: number) => AllStreamSubscription;

/**
 * The port's catch-up subscription over an ESDB `$all` subscription: ESDB replays from the
 * position and goes live by itself; this wraps it as an AsyncIterable that `close()` (or
 * leaving a `for await`) ends, and applies the part of the filter the server could not.
 *
 * The client does not resubscribe when the connection drops, so this does: on a transient
 * failure (server gone, restarted, not the leader any more) it opens a new server subscription
 * strictly after the last event it delivered, with a growing pause between attempts, for as
 * long as it is open. Nothing is skipped and nothing is delivered twice.
 */
export class EsdbSubscription implements Subscription {
  private closed = false;
  private inner: AllStreamSubscription | undefined;
  private failure: unknown;
  private readonly closing: Promise<typeof CLOSED>;
  private signalClosed!: () => void;

  constructor(
    private readonly open: OpenAllSubscription,
    /** The last position delivered (or the caller's `after`). */
    private position: number,
    private readonly filter: LogFilter | undefined,
    private readonly policy: ReconnectPolicy,
    private readonly onClose: (subscription: EsdbSubscription) => void,
    private readonly onReconnect: (attempt: number, error: unknown) => void = () => undefined,
  ) {
    this.closing = new Promise((resolve) => {
      this.signalClosed = () => resolve(CLOSED);
    });
    // Open at once, so that the server (and the caller's errors) see the subscription early.
    this.inner = this.subscribe();
  }

  private subscribe(): AllStreamSubscription {
    const inner = this.open(this.position);
    this.failure = undefined;
    // Errors before anyone iterates must not crash the process; they surface on next().
    inner.on('error', (error: unknown) => {
      this.failure ??= error;
    });
    return inner;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    let attempt = 0;
    try {
      while (!this.closed) {
        const inner = (this.inner ??= this.subscribe());
        const events = inner[Symbol.asyncIterator]() as AsyncIterator<ResolvedEvent>;
        let dropped: unknown = new Error('the server ended the subscription');
        try {
          for (;;) {
            const next = await Promise.race([events.next(), this.closing]);
            if (next === CLOSED) return;
            if (next.done) break;
            attempt = 0;
            const event = toRecordedEvent(next.value);
            if (event && matches(event, this.filter)) {
              yield event;
              this.position = event.position;
            } else if (next.value.event?.position) {
              // Skipped records move the resume point too: they need not be read again.
              this.position = Math.max(this.position, toPortPosition(next.value.event.position));
            }
          }
        } catch (error) {
          if (this.closed) return;
          const cause = this.failure ?? error;
          if (!isTransient(cause)) throw cause;
          dropped = cause;
        }
        this.inner = undefined;
        void inner.unsubscribe().catch(() => undefined);
        this.onReconnect(attempt + 1, dropped);
        const pause = await Promise.race([delay(backoff(this.policy, attempt++)), this.closing]);
        if (pause === CLOSED) return;
      }
    } finally {
      await this.close();
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.signalClosed();
    this.onClose(this);
    const inner = this.inner;
    this.inner = undefined;
    if (!inner) return;
    await Promise.race([
      inner.unsubscribe().catch(() => undefined),
      new Promise((resolve) => setTimeout(resolve, 2_000).unref()),
    ]);
  }
}
