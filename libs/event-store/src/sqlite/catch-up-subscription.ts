import type { RecordedEvent } from '../envelope.js';
import type { LogFilter, Subscription } from '../event-store.js';
import type { CommitSignal } from './commit-signal.js';

/** One page of the log after `after`, and how far the log was looked at to find it. */
export interface LogPage {
  readonly events: RecordedEvent[];
  /** Every matching event up to here is in `events`: the next read may start after it. */
  readonly scannedTo: number;
}

export interface CatchUpOptions {
  readonly after: number;
  readonly filter: LogFilter | undefined;
  readonly batchSize: number;
  readonly pollIntervalMs: number;
}

/**
 * Pages through the log after a position, then waits for this store's commits or the next
 * poll (other processes write the same file). Positions only grow and a commit makes a whole
 * prefix of the log visible, so resuming strictly after the last position read delivers each
 * event once, in order, with no gap, whatever is appended meanwhile.
 */
export class CatchUpSubscription implements Subscription {
  private closed = false;
  private wake: (() => void) | null = null;
  private readonly iterator: AsyncGenerator<RecordedEvent, void, undefined>;

  constructor(
    private readonly readPage: (after: number, limit: number, filter: LogFilter | undefined) => LogPage,
    private readonly signal: CommitSignal,
    private readonly options: CatchUpOptions,
    private readonly onClose: (subscription: CatchUpSubscription) => void,
  ) {
    this.iterator = this.run();
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return this.iterator;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.wake?.();
    this.onClose(this);
    // Resolves once a pending `next()` has ended, or at once when none is pending.
    await this.iterator.return();
  }

  private async *run(): AsyncGenerator<RecordedEvent, void, undefined> {
    const { batchSize, filter } = this.options;
    let after = this.options.after;
    try {
      while (!this.closed) {
        const seen = this.signal.version;
        const page = this.readPage(after, batchSize, filter);
        for (const event of page.events) {
          yield event;
          if (this.closed) return;
        }
        after = page.scannedTo;
        if (page.events.length < batchSize) await this.nextChange(seen);
      }
    } finally {
      this.closed = true;
      this.onClose(this);
    }
  }

  private nextChange(seenVersion: number): Promise<void> {
    if (this.closed || this.signal.version !== seenVersion) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        stopListening();
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, this.options.pollIntervalMs);
      const stopListening = this.signal.listen(done);
      this.wake = done;
    });
  }
}
