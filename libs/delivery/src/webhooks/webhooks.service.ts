import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { join } from 'node:path';
import { EVENT_STORE, type Actor, type EventStore } from '#event-store';
import { ProblemException } from '#eventsourcing';
import { WEBHOOK_DELIVERY_POLICY, type DeliveryPolicy } from './delivery-policy.js';
import { checkTarget, TargetRefused } from './target-check.js';
import { WEBHOOKS_OPTIONS, type ResolvedWebhooksOptions } from './webhook-options.js';
import { WebhookStore, type ParkedDelivery, type WebhookSubscription } from './webhook-store.js';
import { WebhookWorker, type WorkerContext } from './webhook-worker.js';

export interface RegisterSubscription {
  readonly id: string;
  readonly url: string;
  readonly secret: string;
  readonly filter?: { readonly types?: readonly string[]; readonly categories?: readonly string[] };
  readonly from?: number;
  /** Who registers it; its events are those this actor may see. */
  readonly actor: Actor;
}

/** What the API shows of a subscription: never the secret. */
export interface SubscriptionStatus {
  readonly id: string;
  readonly url: string;
  readonly filter: { readonly types: readonly string[]; readonly categories: readonly string[] };
  readonly state: 'active' | 'paused';
  readonly createdAt: string;
  /** Who registered it: the subscription gets the events this actor may see. */
  readonly registeredBy: { readonly id: string; readonly role: string; readonly state: string | null } | null;
  /** Every event up to `position` is handled (delivered, parked or not for this subscriber). */
  readonly position: number;
  readonly deliveredPosition: number;
  readonly deliveredAt: string | null;
  /** Events of the log after `position`, and seconds since the oldest of them was recorded. */
  readonly lag: { readonly events: number; readonly seconds: number };
  readonly failures: { readonly consecutive: number; readonly total: number };
  readonly parked: number;
  readonly lastError: { readonly message: string; readonly at: string } | null;
}

const notFound = (id: string) =>
  ProblemException.of(404, 'not-found', 'Not found', `there is no webhook subscription ${id}`);

/** Webhook subscriptions: their table, one worker per active subscription, and the SSRF check. */
@Injectable()
export class Webhooks implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('webhooks');
  readonly db: WebhookStore;
  private readonly workers = new Map<string, WebhookWorker>();
  private readonly context: WorkerContext;

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(WEBHOOKS_OPTIONS) private readonly options: ResolvedWebhooksOptions,
    @Inject(WEBHOOK_DELIVERY_POLICY) policy: DeliveryPolicy,
  ) {
    this.db = new WebhookStore(join(options.dataDir, 'delivery.sqlite'));
    this.context = { events, db: this.db, options, policy, log: (message) => this.logger.warn(message) };
  }

  onApplicationBootstrap(): void {
    for (const subscription of this.db.list()) {
      if (subscription.state === 'active') this.startWorker(subscription);
    }
  }

  /** Before the store closes (EventSourcingModule closes it on application shutdown). */
  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.workers.values()].map((worker) => worker.stop()));
    this.workers.clear();
    this.db.close();
  }

  async register(request: RegisterSubscription): Promise<SubscriptionStatus> {
    if (request.actor.role === 'anonymous') {
      throw ProblemException.of(
        401,
        'unauthenticated',
        'Webhooks need an identity',
        'send a bearer token or an API key',
      );
    }
    await this.checkUrl(request.url);
    const head = (await this.events.head()).position;
    const from = request.from ?? head;
    if (from > head) {
      throw ProblemException.of(422, 'rule-violation', 'The subscription cannot start there', undefined, {
        rule: 'webhook.from-beyond-head',
        detail: `from ${from} is beyond the head of the log (${head})`,
        errors: [{ field: 'from', message: `must be at most the head position ${head}` }],
      });
    }
    const subscription: WebhookSubscription = {
      id: request.id,
      url: request.url,
      secret: request.secret,
      types: [...new Set(request.filter?.types ?? [])],
      categories: [...new Set(request.filter?.categories ?? [])],
      state: 'active',
      createdAt: new Date().toISOString(),
      actor: { id: request.actor.id, role: request.actor.role, state: request.actor.state ?? null },
    };
    if (!this.db.create(subscription, from)) {
      throw ProblemException.of(409, 'conflict', 'A webhook subscription with this id exists', undefined, {
        errors: [{ field: 'id', message: `${request.id} is taken` }],
      });
    }
    this.startWorker(subscription);
    return this.status(subscription.id);
  }

  async list(): Promise<SubscriptionStatus[]> {
    return Promise.all(this.db.list().map((s) => this.status(s.id)));
  }

  async status(id: string): Promise<SubscriptionStatus> {
    const subscription = this.require(id);
    const checkpoint = this.db.checkpoint(id);
    if (!checkpoint) throw notFound(id);
    const head = await this.events.head();
    let seconds = 0;
    if (head.position > checkpoint.position) {
      const [oldest] = await this.events.readAll({ after: checkpoint.position, limit: 1 });
      const recorded = oldest ? Date.parse(oldest.metadata.recordedAt) : NaN;
      if (Number.isFinite(recorded)) seconds = Math.max(0, Math.round((Date.now() - recorded) / 1000));
    }
    return {
      id,
      url: subscription.url,
      filter: { types: subscription.types, categories: subscription.categories },
      state: subscription.state,
      createdAt: subscription.createdAt,
      registeredBy: subscription.actor
        ? {
            id: subscription.actor.id,
            role: subscription.actor.role,
            state: subscription.actor.state ?? null,
          }
        : null,
      position: checkpoint.position,
      deliveredPosition: checkpoint.deliveredPosition,
      deliveredAt: checkpoint.deliveredAt,
      lag: { events: Math.max(0, head.position - checkpoint.position), seconds },
      failures: { consecutive: checkpoint.consecutiveFailures, total: checkpoint.totalFailures },
      parked: this.db.parkedCount(id),
      lastError:
        checkpoint.lastError === null
          ? null
          : { message: checkpoint.lastError, at: checkpoint.lastErrorAt ?? '' },
    };
  }

  async pause(id: string): Promise<SubscriptionStatus> {
    this.require(id);
    this.db.setState(id, 'paused');
    await this.stopWorker(id);
    return this.status(id);
  }

  async resume(id: string): Promise<SubscriptionStatus> {
    const subscription = this.require(id);
    if (subscription.state !== 'active') {
      this.db.setState(id, 'active');
      this.startWorker({ ...subscription, state: 'active' });
    }
    return this.status(id);
  }

  async remove(id: string): Promise<void> {
    this.require(id);
    await this.stopWorker(id);
    this.db.delete(id);
  }

  parked(id: string): ParkedDelivery[] {
    this.require(id);
    return this.db.parked(id);
  }

  /** Asks the worker to re-deliver the parked events, in order, before its next live event. */
  replayParked(id: string): { replaying: number } {
    const subscription = this.require(id);
    const worker = this.workers.get(id);
    if (subscription.state !== 'active' || !worker) {
      throw ProblemException.of(409, 'rule-conflict', 'The subscription is paused', 'resume it first', {
        rule: 'webhook.paused',
      });
    }
    const replaying = this.db.parkedCount(id);
    if (replaying > 0) worker.requestReplay();
    return { replaying };
  }

  private async checkUrl(url: string): Promise<void> {
    try {
      await checkTarget(url, {
        allowPrivateTargets: this.options.allowPrivateTargets,
        ...(this.options.resolve ? { resolve: this.options.resolve } : {}),
      });
    } catch (error) {
      if (!(error instanceof TargetRefused)) throw error;
      throw ProblemException.of(
        422,
        'webhook-target-refused',
        'The webhook target is not allowed',
        error.message,
        {
          rule: `webhook.target.${error.code}`,
          errors: [{ field: 'url', message: error.message }],
        },
      );
    }
  }

  private require(id: string): WebhookSubscription {
    const subscription = this.db.get(id);
    if (!subscription) throw notFound(id);
    return subscription;
  }

  private startWorker(subscription: WebhookSubscription): void {
    if (this.workers.has(subscription.id)) return;
    const worker = new WebhookWorker(subscription, this.context);
    this.workers.set(subscription.id, worker);
    worker.start();
  }

  private async stopWorker(id: string): Promise<void> {
    const worker = this.workers.get(id);
    this.workers.delete(id);
    await worker?.stop();
  }
}
