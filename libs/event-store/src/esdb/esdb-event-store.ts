import {
  BACKWARDS,
  END,
  ErrorType,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START,
  isCommandError,
  jsonEvent,
  type AppendExpectedRevision,
  type AppendResult as EsdbAppendResult,
  type EventData,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { append as appendCall } from '@eventstore/db-client/dist/streams/appendToStream/append.js';
import { batchAppend as batchAppendCall } from '@eventstore/db-client/dist/streams/appendToStream/batchAppend.js';
import type { NewEvent, RecordedEvent } from '../envelope.js';
import {
  DuplicateEventIdError,
  InvalidArgumentError,
  StoreClosedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '../errors.js';
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
import { chainLinks, GENESIS_HASH } from './esdb-audit-chain.js';
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
  auditLinkOf,
  EVENT_ID_STREAM_PREFIX,
  fromPortPosition,
  isSystemName,
  matches,
  toEsdbEvent,
  toEsdbFilter,
  toPortPosition,
  toRecordedEvent,
} from './esdb-mapping.js';
import { EsdbSubscription } from './esdb-subscription.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const END_OF_RANGE = Symbol('end of range');
const HEAD_PAGE = 100;
const CLOSE_GRACE_MS = 2_000;
/** How often an append under `any`/`stream_exists` is tried again when another writer got in first. */
const CHAIN_RACE_ATTEMPTS = 20;

/**
 * Which gRPC call carries appends. `auto` is the client's own choice: BatchAppend when the
 * server announces it (EventStoreDB 21.10+), else Append. `append` and `batch` force one.
 */
export type AppendPath = 'auto' | 'append' | 'batch';

export interface EsdbEventStoreOptions {
  readonly appendPath?: AppendPath;
  /** Bytes per BatchAppend request (the client's `batchAppendSize`, 3 MiB by default). */
  readonly batchAppendSize?: number;
  /** How long `open()` waits for the server's first answer (default 10 s). */
  readonly connectTimeoutMs?: number;
  readonly reconnect?: Partial<ReconnectPolicy>;
  /** Told about each reconnection attempt (the engine logs it). */
  readonly onReconnect?: (what: string, attempt: number, error: unknown) => void;
}

interface StreamTip {
  readonly revision: number;
  readonly hash: string;
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

  private constructor(
    /** The official client, for capabilities built beside the port (downstream groups). */
    readonly client: EventStoreDBClient,
    readonly address: string,
    private readonly options: EsdbEventStoreOptions,
  ) {
    this.reconnect = { ...DEFAULT_RECONNECT, ...options.reconnect };
    this.downstreamGroups = new EsdbDownstreamGroups(client);
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

    return this.retrying('append', async () => {
      const stored = await this.reserveIds(stream, events);
      if (stored) return stored;
      return this.appendChained(stream, events, expected);
    });
  }

  /**
   * Writes `events` with their links of the stream's audit chain (DESIGN §8: on EventStoreDB
   * one chain per stream, carried in the metadata). The link needs the stream's last hash, so
   * the write expects exactly the revision that hash was read at: a writer that got in between
   * makes it fail, and under `any`/`stream_exists` it is computed again on the new tip.
   */
  private async appendChained(
    stream: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    for (let attempt = 1; ; attempt++) {
      const tip = await this.streamTip(stream);
      checkExpectedRevision(stream, expected, tip?.revision ?? null);
      const last = tip?.revision ?? -1;
      const links = chainLinks(stream, last, tip?.hash ?? GENESIS_HASH, events);
      try {
        const result = await this.write(
          stream,
          events.map((event, index) => toEsdbEvent(event, links[index])),
          tip === null ? NO_STREAM : BigInt(tip.revision),
        );
        const revision = Number(result.nextExpectedRevision);
        const written = await this.readStream(stream, {
          fromRevision: revision - events.length + 1,
          limit: events.length,
        });
        return {
          stream,
          revision,
          firstPosition: written[0].position,
          position: written[written.length - 1].position,
          idempotent: false,
        };
      } catch (error) {
        const mapped = this.mapError(error, stream, expected);
        const raced = mapped instanceof WrongExpectedVersionError && typeof expected === 'string';
        if (!raced || expected === 'no_stream' || attempt >= CHAIN_RACE_ATTEMPTS) throw mapped;
      }
    }
  }

  /** One append call on the path the options chose. */
  private write(
    stream: string,
    events: EventData[],
    expectedRevision: AppendExpectedRevision,
  ): Promise<EsdbAppendResult> {
    const batchAppendSize = this.options.batchAppendSize ?? 3 * 1024 * 1024;
    switch (this.options.appendPath ?? 'auto') {
      case 'append':
        return appendCall.call(this.client, stream, events, { expectedRevision, batchAppendSize });
      case 'batch':
        return batchAppendCall.call(this.client, stream, events, { expectedRevision, batchAppendSize });
      default:
        return this.client.appendToStream(stream, events, { expectedRevision, batchAppendSize });
    }
  }

  /** The stream's last revision and audit hash, or `null` when it has no events. */
  private async streamTip(stream: string): Promise<StreamTip | null> {
    try {
      const [last] = await drain(
        this.client.readStream(stream, { direction: BACKWARDS, fromRevision: END, maxCount: 1 }),
      );
      if (!last?.event) return null;
      return { revision: Number(last.event.revision), hash: auditLinkOf(last)?.hash ?? GENESIS_HASH };
    } catch (error) {
      const mapped = this.mapError(error, stream, 'any');
      if (mapped instanceof StreamNotFoundError) return null;
      throw mapped;
    }
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
      throw this.mapError(error, stream, 'any');
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
      return { stream, revision: -1, firstPosition: position, position, idempotent: false };
    }
    const { revision, position } = last[0];
    return { stream, revision, firstPosition: position, position, idempotent: false };
  }

  /**
   * ESDB only de-duplicates recent retries within a stream; the port wants an id stored once
   * in the whole log. Each new id is reserved in a system stream of its own
   * (`$kurultai-event-id-<id>`, expected `no_stream`) that names the event's stream. An id
   * reserved for another stream is a `DuplicateEventIdError`; ids reserved for this stream
   * that it holds at consecutive revisions are a retry: the first result comes back.
   * A reservation left by a failed append only blocks the id for other streams.
   */
  private async reserveIds(stream: string, events: readonly NewEvent[]): Promise<AppendResult | undefined> {
    const owners = await Promise.all(events.map((event) => this.reserve(event.id, stream)));
    const elsewhere = owners.findIndex((owner) => owner !== null && owner !== stream);
    if (elsewhere !== -1) throw new DuplicateEventIdError(events[elsewhere].id, stream);
    if (owners.every((owner) => owner === null)) return undefined;

    const held = new Map<string, RecordedEvent>();
    for (const event of await this.readStream(stream).catch(() => [])) held.set(event.id, event);
    const found = events.map((event) => held.get(event.id));
    if (found.every((event) => event === undefined)) return undefined;
    const consecutive = found.every(
      (event, index) =>
        event !== undefined && (index === 0 || event.revision === found[index - 1]!.revision + 1),
    );
    if (!consecutive) {
      const duplicate = events[found.findIndex((event) => event !== undefined)];
      throw new DuplicateEventIdError(duplicate.id, stream);
    }
    const first = found[0]!;
    const last = found[found.length - 1]!;
    return {
      stream,
      revision: last.revision,
      firstPosition: first.position,
      position: last.position,
      idempotent: true,
    };
  }

  /** Reserves `id` for `stream`; returns `null` when it was free, else the stream it belongs to. */
  private async reserve(id: string, stream: string): Promise<string | null> {
    const reservation = `${EVENT_ID_STREAM_PREFIX}${id}`;
    try {
      await this.client.appendToStream(
        reservation,
        jsonEvent({ type: '$kurultai-event-id', data: { stream } }),
        { expectedRevision: NO_STREAM },
      );
      return null;
    } catch (error) {
      if (
        !(error instanceof Error) ||
        !isCommandError(error) ||
        error.type !== ErrorType.WRONG_EXPECTED_VERSION
      )
        throw error;
    }
    const [first] = await drain(this.client.readStream(reservation, { fromRevision: START, maxCount: 1 }));
    const data = first?.event?.data as { stream?: unknown } | undefined;
    return typeof data?.stream === 'string' ? data.stream : stream;
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

  private mapError(error: unknown, stream: string, expected: ExpectedRevision): unknown {
    if (!(error instanceof Error) || !isCommandError(error)) return error;
    if (error.type === ErrorType.WRONG_EXPECTED_VERSION) {
      const actual = error.actualVersion;
      return new WrongExpectedVersionError(
        stream,
        expected,
        typeof actual === 'bigint' ? Number(actual) : null,
      );
    }
    if (error.type === ErrorType.STREAM_NOT_FOUND) return new StreamNotFoundError(stream);
    return error;
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Reads a bounded read (`maxCount`) to its end. Leaving a `for await` early ends the client's
 * wrapper but not its gRPC call, which then holds `dispose()` until the close grace runs out.
 */
async function drain(read: AsyncIterable<ResolvedEvent>): Promise<ResolvedEvent[]> {
  const all: ResolvedEvent[] = [];
  for await (const resolved of read) all.push(resolved);
  return all;
}
