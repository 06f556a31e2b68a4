import type { EventStore, RecordedEvent } from '#event-store';
import { backoffDelay } from './backoff.js';
import { matchesFilter, type DeliveryPolicy } from './delivery-policy.js';
import { send, type SendResult } from './http-sender.js';
import { signatureHeader } from './signature.js';
import { checkTarget, TargetRefused } from './target-check.js';
import type { ResolvedWebhooksOptions } from './webhook-options.js';
import type { WebhookStore, WebhookSubscription } from './webhook-store.js';

export interface WorkerContext {
  readonly events: EventStore;
  readonly db: WebhookStore;
  readonly options: ResolvedWebhooksOptions;
  readonly policy: DeliveryPolicy;
  readonly log: (message: string) => void;
}

type Outcome =
  { readonly ok: true } | { readonly ok: false; readonly attempts: number; readonly error: string };
const STOPPED = 'stopped' as const;
const WAKE = Symbol('wake');

/** The JSON body of a delivery. */
export function deliveryBody(event: RecordedEvent): string {
  const { id, type, schemaVersion, stream, revision, position, data, metadata } = event;
  return JSON.stringify({ id, type, schemaVersion, stream, revision, position, data, metadata });
}

/**
 * Delivers one subscription's events: follows the log from its checkpoint, one event at a time
 * and in log order, retries with back-off, parks after the last attempt and moves on. The
 * checkpoint moves only once an event is delivered, parked or not for this subscriber, so an
 * event in flight when the worker stops is delivered again (at least once).
 */
export class WebhookWorker {
  private stopping = false;
  private readonly abort = new AbortController();
  private wakeUp: (() => void) | null = null;
  private replayRequested = false;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly subscription: WebhookSubscription,
    private readonly context: WorkerContext,
  ) {}

  start(): void {
    this.running = this.run().catch((error: unknown) => {
      this.context.log(`webhook ${this.subscription.id} stopped on an error: ${String(error)}`);
    });
  }

  /** Stops at once: an attempt in flight is abandoned and its event not checkpointed. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.abort.abort();
    this.wakeUp?.();
    await this.running;
  }

  /** Re-delivers the parked events, oldest first, before the next live event. */
  requestReplay(): void {
    this.replayRequested = true;
    this.wakeUp?.();
  }

  private async run(): Promise<void> {
    const { db, events } = this.context;
    const after = db.checkpoint(this.subscription.id)?.position ?? 0;
    const subscription = events.subscribeToAll({ after });
    const iterator = subscription[Symbol.asyncIterator]();
    let pending: Promise<IteratorResult<RecordedEvent>> | null = null;
    try {
      while (!this.stopping) {
        if (this.replayRequested) {
          this.replayRequested = false;
          await this.replay();
          continue;
        }
        pending ??= iterator.next();
        const woken = new Promise<typeof WAKE>((resolve) => (this.wakeUp = () => resolve(WAKE)));
        const next = await Promise.race([pending, woken]);
        this.wakeUp = null;
        if (next === WAKE) continue;
        pending = null;
        if (next.done) break;
        await this.handle(next.value);
      }
    } finally {
      await subscription.close();
    }
  }

  private visible(event: RecordedEvent): boolean {
    return (
      matchesFilter(this.subscription, event) && this.context.policy.mayDeliver(this.subscription, event)
    );
  }

  private async handle(event: RecordedEvent): Promise<void> {
    const { db } = this.context;
    const id = this.subscription.id;
    if (!this.visible(event)) {
      db.advance(id, event.position);
      return;
    }
    const outcome = await this.deliver(event);
    if (outcome === STOPPED) return;
    if (outcome.ok) {
      db.delivered(id, event.position, new Date().toISOString());
    } else {
      db.park(id, {
        position: event.position,
        eventId: event.id,
        type: event.type,
        attempts: outcome.attempts,
        lastError: outcome.error,
        parkedAt: new Date().toISOString(),
      });
      this.context.log(`webhook ${id} parked event ${event.position} after ${outcome.attempts} attempts`);
    }
  }

  /** Parked events in log order; the first that fails again stays parked and ends the replay. */
  private async replay(): Promise<void> {
    const { db, events } = this.context;
    const id = this.subscription.id;
    for (const parked of db.parked(id)) {
      if (this.stopping) return;
      const [event] = await events.readAll({ after: parked.position - 1, limit: 1 });
      const now = () => new Date().toISOString();
      if (!event || event.id !== parked.eventId || !this.visible(event)) {
        db.unpark(id, parked.position, now());
        continue;
      }
      const outcome = await this.deliver(event);
      if (outcome === STOPPED) return;
      if (outcome.ok) {
        db.unpark(id, parked.position, now());
      } else {
        db.reparked(id, parked.position, outcome.attempts, outcome.error, now());
        return;
      }
    }
  }

  private async deliver(event: RecordedEvent): Promise<Outcome | typeof STOPPED> {
    const { db, options } = this.context;
    let error = '';
    for (let attempt = 1; attempt <= options.retry.maxAttempts; attempt++) {
      if (this.stopping) return STOPPED;
      const result = await this.attempt(event, attempt);
      if (result.ok) return { ok: true };
      if (this.stopping) return STOPPED;
      error = result.error;
      db.failed(this.subscription.id, error, new Date().toISOString());
      if (attempt < options.retry.maxAttempts) {
        await this.sleep(backoffDelay(attempt, options.retry, options.random));
      }
    }
    return { ok: false, attempts: options.retry.maxAttempts, error };
  }

  private async attempt(event: RecordedEvent, attempt: number): Promise<SendResult> {
    const { options } = this.context;
    let target;
    try {
      // Again at every attempt: the name may resolve elsewhere now (DNS rebinding).
      target = await checkTarget(this.subscription.url, {
        allowPrivateTargets: options.allowPrivateTargets,
        ...(options.resolve ? { resolve: options.resolve } : {}),
      });
    } catch (refused) {
      if (refused instanceof TargetRefused) return { ok: false, error: `target refused: ${refused.message}` };
      throw refused;
    }
    const body = deliveryBody(event);
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = {
      'user-agent': 'Kurultai-Webhooks/1',
      'kurultai-event-id': event.id,
      'kurultai-event-type': event.type,
      'kurultai-delivery-attempt': String(attempt),
      'kurultai-timestamp': String(timestamp),
      'kurultai-signature': signatureHeader(this.subscription.secret, timestamp, body),
    };
    return send(target, headers, body, options.timeoutMs, this.abort.signal);
  }

  private sleep(ms: number): Promise<void> {
    if (ms <= 0 || this.stopping) return Promise.resolve();
    const signal = this.abort.signal;
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
    });
  }
}
