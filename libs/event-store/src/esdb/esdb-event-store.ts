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
  type ResolvedEvent,
} from '@eventstore/db-client';
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
import {
  EVENT_ID_STREAM_PREFIX,
  fromPortPosition,
  isSystemName,
  matches,
  toEsdbEvent,
  toEsdbExpected,
  toEsdbFilter,
  toPortPosition,
  toRecordedEvent,
} from './esdb-mapping.js';
import { EsdbSubscription } from './esdb-subscription.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const END_OF_RANGE = Symbol('end of range');
const HEAD_PAGE = 100;
const CLOSE_GRACE_MS = 2_000;
const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * The EventStore port on EventStoreDB (or KurrentDB) through the official gRPC client.
 * See docs/eventstoredb.md for the mapping of revisions, positions, filters and metadata.
 */
export class EsdbEventStore implements EventStore {
  private closed = false;
  private readonly subscriptions = new Set<EsdbSubscription>();

  private constructor(private readonly client: EventStoreDBClient) {}

  /** `esdb://host:2113?tls=false`, `esdb+discover://...`: see the client's connection strings. */
  static async open(connectionString: string): Promise<EsdbEventStore> {
    return new EsdbEventStore(EventStoreDBClient.connectionString(connectionString));
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

    const stored = await this.reserveIds(stream, events);
    if (stored) return stored;
    try {
      const result = await this.client.appendToStream(stream, events.map(toEsdbEvent), {
        expectedRevision: toEsdbExpected(expected),
      });
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
      throw this.mapError(error, stream, expected);
    }
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    validateCount('limit', options.limit);
    validateCount('fromRevision', options.fromRevision);
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
    const end = await this.lastLogPosition();
    if (end <= after) return [];
    return this.readRange(after, end, limit, options.filter);
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    validateCount('after', options.after);
    validateFilter(options.filter);
    const inner = this.client.subscribeToAll({
      fromPosition: fromPortPosition(options.after ?? 0),
      filter: toEsdbFilter(options.filter),
    });
    const subscription = new EsdbSubscription(inner, options.filter, (closed) =>
      this.subscriptions.delete(closed),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async head(): Promise<LogHead> {
    this.assertOpen();
    const last = await this.lastEvents(1);
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
    for await (const resolved of this.client.readStream(reservation, { fromRevision: START, maxCount: 1 })) {
      const data = resolved.event?.data as { stream?: unknown } | undefined;
      if (typeof data?.stream === 'string') return data.stream;
    }
    return stream;
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
    for await (const resolved of this.client.readAll({
      direction: BACKWARDS,
      fromPosition: END,
      maxCount: 1,
    })) {
      if (resolved.event?.position) return toPortPosition(resolved.event.position);
    }
    return 0;
  }

  /** The last `count` events of the port (system events skipped), newest first. */
  private async lastEvents(count: number): Promise<RecordedEvent[]> {
    const found: RecordedEvent[] = [];
    let from: 'end' | { commit: bigint; prepare: bigint } = END;
    for (;;) {
      let seen = 0;
      let oldest: { commit: bigint; prepare: bigint } | undefined;
      for await (const resolved of this.client.readAll({
        direction: BACKWARDS,
        fromPosition: from,
        maxCount: HEAD_PAGE,
      })) {
        seen++;
        oldest = resolved.event?.position ?? oldest;
        const event = toRecordedEvent(resolved);
        if (event) found.push(event);
        if (found.length >= count) return found;
      }
      if (seen < HEAD_PAGE || !oldest) return found;
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
