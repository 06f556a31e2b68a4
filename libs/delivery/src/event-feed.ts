import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type LogFilter, type RecordedEvent } from '#event-store';
import { DELIVERY_OPTIONS, type CanSee, type ResolvedDeliveryOptions } from './delivery.options.js';
import { eventMessage, toFeedEvent, type FeedEvent } from './sse-framing.js';
import { SseSession, type SseResponse } from './sse-session.js';
import { concernsState } from './state-filter.js';

/** What a caller asks of the feed. */
export interface FeedQuery {
  /** Strictly after this global position (0: from the start). */
  readonly after: number;
  readonly eventTypes?: readonly string[];
  readonly categories?: readonly string[];
  /** Only the events that concern this state (see `statesOf`). */
  readonly state?: string;
  /** What the caller may see. */
  readonly canSee: CanSee;
}

export interface FeedPage {
  readonly items: FeedEvent[];
  /** Where the next page starts; `null` when this one reached the end of the log. */
  readonly next: { readonly after: number } | null;
  /** The position of the last event of the log when the page was read. */
  readonly head: number;
}

/** How many events one page may look at, beyond `limit`, to find matches for the in-memory filters. */
const SCAN_FACTOR = 10;
const MIN_SCAN = 5_000;

/** The global log for downstream subscribers: pages (`page`) and live Server-Sent Events (`stream`). */
@Injectable()
export class EventFeed implements OnModuleDestroy {
  private readonly logger = new Logger('event-feed');
  private readonly sessions = new Map<SseSession, Promise<void>>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DELIVERY_OPTIONS) private readonly options: ResolvedDeliveryOptions,
  ) {}

  /** The access policy's predicate for one request. */
  canSeeFor(request: unknown): CanSee {
    return this.options.access.forRequest(request);
  }

  /**
   * One page of at most `limit` matching events. Types and categories are filtered by the store;
   * visibility and state here, so a page may look at more events than it returns (at most
   * `limit × 10`, or 5,000): `next` then points past the last event looked at.
   */
  async page(query: FeedQuery, limit: number): Promise<FeedPage> {
    const filter = toLogFilter(query);
    const matches = matcher(query);
    const budget = Math.max(limit * SCAN_FACTOR, MIN_SCAN);
    const items: FeedEvent[] = [];
    let cursor = query.after;
    let scanned = 0;
    let reachedEnd = false;
    while (items.length < limit && scanned < budget) {
      const batch = await this.store.readAll({ after: cursor, limit, ...(filter ? { filter } : {}) });
      let consumed = 0;
      for (const event of batch) {
        consumed++;
        scanned++;
        cursor = event.position;
        if (matches(event)) items.push(toFeedEvent(event));
        if (items.length === limit) break;
      }
      if (batch.length < limit && consumed === batch.length) {
        reachedEnd = true;
        break;
      }
    }
    const head = (await this.store.head()).position;
    return { items, next: reachedEnd ? null : { after: cursor }, head };
  }

  /**
   * Streams the matching events after `query.after` to the connection: catch-up, then live,
   * until the client leaves, overflows, or the server shuts down. Returns at once.
   */
  stream(res: SseResponse, query: FeedQuery): SseSession {
    const session = new SseSession(res, this.options, query.after);
    session.start();
    const running = this.follow(session, query).finally(() => this.sessions.delete(session));
    this.sessions.set(session, running);
    return session;
  }

  private async follow(session: SseSession, query: FeedQuery): Promise<void> {
    const filter = toLogFilter(query);
    const matches = matcher(query);
    const subscription = this.store.subscribeToAll({
      after: query.after,
      batchSize: this.options.batchSize,
      ...(filter ? { filter } : {}),
    });
    session.onClose(() => void subscription.close());
    try {
      for await (const event of subscription) {
        if (!session.open) break;
        if (!matches(event)) continue;
        if (!(await session.deliver(eventMessage(event), event.position))) break;
      }
    } catch (error) {
      if (session.open) this.logger.warn(`event feed subscription failed: ${String(error)}`);
    } finally {
      await subscription.close();
      session.end('the feed ends here; reconnect with Last-Event-ID to resume');
    }
  }

  /** Ends every streaming connection before the store closes; clients resume with Last-Event-ID. */
  async onModuleDestroy(): Promise<void> {
    const running = [...this.sessions.entries()];
    for (const [session] of running) session.end('the server is shutting down; reconnect with Last-Event-ID');
    await Promise.all(running.map(([, done]) => done));
  }
}

function toLogFilter(query: FeedQuery): LogFilter | undefined {
  const eventTypes = query.eventTypes?.length ? query.eventTypes : undefined;
  const categories = query.categories?.length ? query.categories : undefined;
  if (!eventTypes && !categories) return undefined;
  return { ...(eventTypes ? { eventTypes } : {}), ...(categories ? { categories } : {}) };
}

function matcher(query: FeedQuery): (event: RecordedEvent) => boolean {
  const { canSee, state } = query;
  return (event) => canSee(event) && (state === undefined || concernsState(event, state));
}
