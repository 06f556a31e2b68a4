import type {
  AppendResult,
  EventStore,
  LogHead,
  ReadAllOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '#event-store';

/**
 * A read-only view of a store that shows the log up to a position only, which `show` moves on:
 * a projection runner subscribed to it lives as in a live engine, catching up with each step and
 * then waiting idle for the next, instead of catching up with the whole log at once.
 */
export class StepwiseStore implements EventStore {
  private visible = 0;
  private readonly waiting = new Set<() => void>();

  constructor(private readonly store: EventStore) {}

  /** Makes the log up to `position` visible and wakes the subscriptions. */
  show(position: number): void {
    this.visible = position;
    for (const wake of [...this.waiting]) wake();
  }

  append(): Promise<AppendResult> {
    return Promise.reject(new Error('a stepwise view of a log is read-only'));
  }

  readStream(...args: Parameters<EventStore['readStream']>): Promise<RecordedEvent[]> {
    return this.store.readStream(...args);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return (await this.store.readAll(options)).filter((event) => event.position <= this.visible);
  }

  subscribeToAll({ after = 0, batchSize = 500 }: SubscribeOptions = {}): Subscription {
    let closed = false;
    let wake: (() => void) | null = null;
    const idle = () =>
      new Promise<void>((resolve) => {
        wake = () => {
          this.waiting.delete(wake!);
          wake = null;
          resolve();
        };
        this.waiting.add(wake);
      });
    const pages = async function* (this: StepwiseStore): AsyncGenerator<RecordedEvent, void, undefined> {
      let from = after;
      while (!closed) {
        if (from >= this.visible) {
          await idle();
          continue;
        }
        const page = await this.readAll({ after: from, limit: batchSize });
        for (const event of page) {
          yield event;
          if (closed) return;
        }
        from = page.at(-1)?.position ?? this.visible;
      }
    }.call(this);
    return {
      [Symbol.asyncIterator]: () => pages,
      close: async () => {
        closed = true;
        (wake as (() => void) | null)?.();
        await pages.return();
      },
    };
  }

  async head(): Promise<LogHead> {
    return { position: this.visible, recordedAt: null };
  }

  async close(): Promise<void> {
    this.show(this.visible);
  }
}
