import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  type ResolvedEvent,
} from '@eventstore/db-client';
import type { NewEvent, RecordedEvent } from '../envelope.js';
import { InvalidArgumentError, StoreClosedError, StreamNotFoundError } from '../errors.js';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ExpectedRevision,
  LogFilter,
  LogHead,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from '../event-store.js';
import { checkExpectedRevision } from '../expected-revision.js';
import { validateAppend, validateCount, validateFilter } from '../validate.js';
import { verifyStreamChains, type ChainReport } from './esdb-audit-verify.js';
import { EsdbDownstreamGroups } from './esdb-groups.js';
import type { WithDownstreamGroups } from '../downstream-groups.js';
import {
  backoff,
  DEFAULT_RECONNECT,
  delay,
  EsdbConnectionError,
  isTransient,
  redactConnectionString,
  type ReconnectPolicy,
} from './esdb-connection.js';
import {
  fromPortPosition,
  isSystemName,
  matches,
  toEsdbFilter,
  toPortPosition,
  toRecordedEvent,
} from './esdb-mapping.js';
import { EsdbSubscription } from './esdb-subscription.js';
import { EsdbWriter, type WriterOptions } from './esdb-writer.js';
import { drain, mapEsdbError } from './esdb-calls.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const END_OF_RANGE = Symbol('end of range');
const HEAD_PAGE = 100;
const CLOSE_GRACE_MS = 2_000;

export type { AppendPath } from './esdb-writer.js';

export interface EsdbEventStoreOptions extends WriterOptions {
  /** How long `open()` waits for the server's first answer (default 10 s). */
  readonly connectTimeoutMs?: number;
  readonly reconnect?: Partial<ReconnectPolicy>;
  /** Told about each reconnection attempt (the engine logs it). */
  readonly onReconnect?: (what: string, attempt: number, error: unknown) => void;
}

/**
 * The EventStore port on EventStoreDB (or KurrentDB) through the official gRPC client.
 * See docs/eventstoredb.md for the mapping of revisions, positions, filters and metadata.
 */
export class EsdbEventStore implements EventStore, WithDownstreamGroups {
  /** Persistent subscription groups to `$all` for downstream systems. */
  readonly downstreamGroups: EsdbDownstreamGroups;
  private closed = false;
  private readonly subscriptions = new Set<EsdbSubscription>();
  private readonly reconnect: ReconnectPolicy;
  private readonly writer: EsdbWriter;

  private constructor(
    /** The official client, for capabilities built beside the port (downstream groups). */
    readonly client: EventStoreDBClient,
    readonly address: string,
    private readonly options: EsdbEventStoreOptions,
  ) {
    this.reconnect = { ...DEFAULT_RECONNECT, ...options.reconnect };
    this.downstreamGroups = new EsdbDownstreamGroups(client);
    this.writer = new EsdbWriter(client, options, (stream, read) => this.readStream(stream, read));
  }

  /**
   * Connects and waits for the server's first answer: `esdb://host:2113?tls=false`,
   * `esdb+discover://host1:2113,host2:2113,host3:2113` (gossip), `tls`, `tlsVerifyCert`,
   * `tlsCAFile`: see the client's connection strings. A connection string the client refuses,
   * or a server that does not answer within `connectTimeoutMs`, is an `EsdbConnectionError`
   * that names the address.
   */
  static async open(connectionString: string, options: EsdbEventStoreOptions = {}): Promise<EsdbEventStore> {
    const address = redactConnectionString(connectionString);
    let client: EventStoreDBClient;
    try {
      client = EventStoreDBClient.connectionString(connectionString);
    } catch (error) {
      throw new EsdbConnectionError(address, `not a valid connection string: ${reason(error)}`);
    }
    const store = new EsdbEventStore(client, address, options);
    const timeoutMs = options.connectTimeoutMs ?? 10_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new EsdbConnectionError(
              address,
              `no answer within ${timeoutMs} ms (is the server running and reachable?)`,
            ),
          ),
        timeoutMs,
      );
    });
    try {
      await Promise.race([store.lastLogPosition(), timeout]);
    } catch (error) {
      await Promise.race([client.dispose(), delay(CLOSE_GRACE_MS)]).catch(() => undefined);
      if (error instanceof EsdbConnectionError) throw error;
      throw new EsdbConnectionError(address, `cannot connect: ${reason(error)}`);
    } finally {
      clearTimeout(timer);
    }
    return store;
  }

  async append(
    stream: string,
    events: readonly NewEvent[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    this.assertOpen();
    const expected = options.expectedRevision ?? 'any';
    validateAppend(stream, events, expected);
    if (isSystemName(stream))
      throw new InvalidArgumentError(`stream names starting with $ are EventStoreDB's`);
    for (const event of events) {
      if (!UUID.test(event.id))
        throw new InvalidArgumentError(`EventStoreDB event ids are UUIDs, not ${event.id}`);
    }
    if (events.length === 0) return this.checkOnly(stream, expected);

    return this.retrying('append', () => this.writer.append(stream, events, expected));
  }

  /**
   * Runs a read or an append again when the connection dropped (the client opens a new one on
   * the next call), with a growing pause, up to `reconnect.maxAttempts` times. Appends are safe
   * to repeat: event ids make a repeated append a no-op.
   */
  private async retrying<T>(what: string, work: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        if (!isTransient(error) || this.closed || attempt + 1 >= this.reconnect.maxAttempts) throw error;
        this.options.onReconnect?.(what, attempt + 1, error);
        await delay(backoff(this.reconnect, attempt));
      }
    }
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    validateCount('limit', options.limit);
    validateCount('fromRevision', options.fromRevision);
    return this.retrying('read', () => this.readStreamOnce(stream, options));
  }

  private async readStreamOnce(stream: string, options: ReadStreamOptions): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const events: RecordedEvent[] = [];
    try {
      const read = this.client.readStream(stream, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision:
          options.fromRevision === undefined ? (backwards ? END : START) : BigInt(options.fromRevision),
        maxCount: options.limit ?? Number.MAX_SAFE_INTEGER,
      });
      for await (const resolved of read) {
        const event = toRecordedEvent(resolved);
        if (event) events.push(event);
      }
    } catch (error) {
      throw mapEsdbError(error, stream, 'any');
    }
    return events;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    validateCount('after', options.after);
    validateCount('limit', options.limit);
    validateFilter(options.filter);
    const limit = options.limit ?? Number.MAX_SAFE_INTEGER;
    const after = options.after ?? 0;
    if (limit === 0) return [];
    return this.retrying('read', async () => {
      const end = await this.lastLogPosition();
      if (end <= after) return [];
      return this.readRange(after, end, limit, options.filter);
    });
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    validateCount('after', options.after);
    validateFilter(options.filter);
    const filter = toEsdbFilter(options.filter);
    const subscription = new EsdbSubscription(
      (after) => this.client.subscribeToAll({ fromPosition: fromPortPosition(after), filter }),
      options.after ?? 0,
      options.filter,
      this.reconnect,
      (closed) => this.subscriptions.delete(closed),
      (attempt, error) => this.options.onReconnect?.('subscription', attempt, error),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  /**
   * Checks every stream's audit chain (one per stream on EventStoreDB, in the event metadata):
   * edited, removed, inserted or reordered events, and events written around the adapter.
   */
  async verifyChains(): Promise<ChainReport> {
    this.assertOpen();
    return this.retrying('read', () => verifyStreamChains(this.client));
  }

  async head(): Promise<LogHead> {
    this.assertOpen();
    const last = await this.retrying('read', () => this.lastEvents(1));
    if (last.length === 0) return { position: 0, recordedAt: null };
    return { position: last[0].position, recordedAt: last[0].metadata.recordedAt };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    // dispose() can wait on calls the server never ends; do not let it hold the caller.
    await Promise.race([this.client.dispose(), delay(CLOSE_GRACE_MS)]);
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreClosedError('the EventStoreDB store is closed');
  }

  /** An empty append: checks the expectation against the stream's last event, writes nothing. */
  private async checkOnly(stream: string, expected: ExpectedRevision): Promise<AppendResult> {
    const last = await this.readStream(stream, { direction: 'backwards', limit: 1 }).catch(
      (error: unknown) => {
        if (error instanceof StreamNotFoundError) return [];
        throw error;
      },
    );
    checkExpectedRevision(stream, expected, last.length === 0 ? null : last[0].revision);
    if (last.length === 0) {
      const { position } = await this.head();
      return { stream, revision: -1, firstPosition: position, position, positions: [], idempotent: false };
    }
    const { revision, position } = last[0];
    return { stream, revision, firstPosition: position, position, positions: [], idempotent: false };
  }

  /** Events strictly after `after` up to `end` (inclusive), filtered on the server. */
  private async readRange(
    after: number,
    end: number,
    limit: number,
    filter: LogFilter | undefined,
  ): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    const inner = this.client.subscribeToAll({
      fromPosition: fromPortPosition(after),
      filter: toEsdbFilter(filter),
    });
    // ESDB tells when a subscription has caught up (and, on filtered ones, where it has
    // searched to); the marker is queued behind every event already received.
    inner.on('caughtUp', () => inner.push(END_OF_RANGE));
    try {
      for await (const resolved of inner as AsyncIterable<ResolvedEvent | typeof END_OF_RANGE>) {
        if (resolved === END_OF_RANGE) break;
        if (resolved.event?.position && toPortPosition(resolved.event.position) > end) break;
        const event = toRecordedEvent(resolved);
        if (event && matches(event, filter)) events.push(event);
        if (events.length >= limit) break;
        if (event && event.position >= end) break;
      }
    } finally {
      await inner.unsubscribe().catch(() => undefined);
    }
    return events;
  }

  /** The position of the last record in `$all`, system events included. */
  private async lastLogPosition(): Promise<number> {
    const [last] = await drain(this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 }));
    return last?.event?.position ? toPortPosition(last.event.position) : 0;
  }

  /** The last `count` events of the port (system events skipped), newest first. */
  private async lastEvents(count: number): Promise<RecordedEvent[]> {
    const found: RecordedEvent[] = [];
    let from: 'end' | { commit: bigint; prepare: bigint } = END;
    for (;;) {
      const page = await drain(
        this.client.readAll({ direction: BACKWARDS, fromPosition: from, maxCount: HEAD_PAGE }),
      );
      let oldest: { commit: bigint; prepare: bigint } | undefined;
      for (const resolved of page) {
        oldest = resolved.event?.position ?? oldest;
        const event = toRecordedEvent(resolved);
        if (event) found.push(event);
        if (found.length >= count) return found;
      }
      if (page.length < HEAD_PAGE || !oldest) return found;
      from = oldest;
    }
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
