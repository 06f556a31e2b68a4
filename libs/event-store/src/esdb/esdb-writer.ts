import {
  BACKWARDS,
  END,
  ErrorType,
  NO_STREAM,
  START,
  isCommandError,
  jsonEvent,
  type AppendExpectedRevision,
  type AppendResult as EsdbAppendResult,
  type EventData,
  type EventStoreDBClient,
} from '@eventstore/db-client';
import { append as appendCall } from '@eventstore/db-client/dist/streams/appendToStream/append.js';
import { batchAppend as batchAppendCall } from '@eventstore/db-client/dist/streams/appendToStream/batchAppend.js';
import type { NewEvent, RecordedEvent } from '../envelope.js';
import { DuplicateEventIdError, StreamNotFoundError, WrongExpectedVersionError } from '../errors.js';
import type { AppendResult, ExpectedRevision, ReadStreamOptions } from '../event-store.js';
import { checkExpectedRevision } from '../expected-revision.js';
import { chainLinks, GENESIS_HASH } from './esdb-audit-chain.js';
import { drain, mapEsdbError } from './esdb-calls.js';
import { auditLinkOf, EVENT_ID_STREAM_PREFIX, toEsdbEvent } from './esdb-mapping.js';

/** How often an append under `any`/`stream_exists` is tried again when another writer got in first. */
const CHAIN_RACE_ATTEMPTS = 20;

/**
 * Which gRPC call carries appends. `auto` is the client's own choice: BatchAppend when the
 * server announces it (EventStoreDB 21.10+), else Append. `append` and `batch` force one.
 */
export type AppendPath = 'auto' | 'append' | 'batch';

export interface WriterOptions {
  readonly appendPath?: AppendPath;
  /** Bytes per BatchAppend request (the client's `batchAppendSize`, 3 MiB by default). */
  readonly batchAppendSize?: number;
}

interface StreamTip {
  readonly revision: number;
  readonly hash: string;
}

/**
 * The adapter's write path: unique event ids across the log (reservations), the audit chain of
 * each stream, and the append call on the path the options chose (docs/eventstoredb.md).
 */
export class EsdbWriter {
  constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: WriterOptions,
    private readonly readStream: (stream: string, options?: ReadStreamOptions) => Promise<RecordedEvent[]>,
  ) {}

  /** Appends `events` (validated, at least one) once, or returns the earlier result of the same append. */
  async append(
    stream: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const stored = await this.reserveIds(stream, events);
    if (stored) return stored;
    return this.appendChained(stream, events, expected);
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
          positions: written.map((event) => event.position),
          idempotent: false,
        };
      } catch (error) {
        const mapped = mapEsdbError(error, stream, expected);
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
      const mapped = mapEsdbError(error, stream, 'any');
      if (mapped instanceof StreamNotFoundError) return null;
      throw mapped;
    }
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
      positions: found.map((event) => event!.position),
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
}
