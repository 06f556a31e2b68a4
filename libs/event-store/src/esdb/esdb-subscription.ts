import type { AllStreamSubscription, ResolvedEvent } from '@eventstore/db-client';
import type { RecordedEvent } from '../envelope.js';
import type { LogFilter, Subscription } from '../event-store.js';
import { matches, toRecordedEvent } from './esdb-mapping.js';

const CLOSED = Symbol('closed');

/**
 * The port's catch-up subscription over an ESDB `$all` subscription: ESDB replays from the
 * position and goes live by itself; this wraps it as an AsyncIterable that `close()` (or
 * leaving a `for await`) ends, and applies the part of the filter the server could not.
 */
export class EsdbSubscription implements Subscription {
  private closed = false;
  private failure: unknown;
  private readonly closing: Promise<typeof CLOSED>;
  private signalClosed!: () => void;

  constructor(
    private readonly inner: AllStreamSubscription,
    private readonly filter: LogFilter | undefined,
    private readonly onClose: (subscription: EsdbSubscription) => void,
  ) {
    this.closing = new Promise((resolve) => {
      this.signalClosed = () => resolve(CLOSED);
    });
    // Errors before anyone iterates must not crash the process; they surface on next().
    inner.on('error', (error: unknown) => {
      this.failure ??= error;
    });
  }

  async *[Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    const events = this.inner[Symbol.asyncIterator]() as AsyncIterator<ResolvedEvent>;
    try {
      while (!this.closed) {
        const next = await Promise.race([events.next(), this.closing]);
        if (next === CLOSED || next.done) return;
        const event = toRecordedEvent(next.value);
        if (event && matches(event, this.filter)) yield event;
      }
    } catch (error) {
      if (this.closed) return;
      throw this.failure ?? error;
    } finally {
      await this.close();
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.signalClosed();
    this.onClose(this);
    await Promise.race([
      this.inner.unsubscribe().catch(() => undefined),
      new Promise((resolve) => setTimeout(resolve, 2_000).unref()),
    ]);
  }
}
