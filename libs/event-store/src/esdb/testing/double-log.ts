/**
 * TEST CODE ONLY. The protocol double's in-memory log: streams, `$all` order, commits under
 * expected-revision rules (EventStoreDB's), and live listeners. The gRPC services read and
 * write it; it outlives a `kill()`/`restart()` of their server.
 */
import { Empty, StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb.js';
import { ReadResp } from '@eventstore/db-client/generated/streams_pb.js';

export interface StoredRecord {
  readonly stream: string;
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly metadata: Uint8Array;
  readonly revision: number;
  /** Log offset; commit == prepare, as for every implicit transaction since ESDB 20. */
  readonly position: number;
  readonly created: string;
}

/** What a client proposes to write (Append and BatchAppend carry the same fields). */
export interface ProposedLike {
  getId(): UUID | undefined;
  getMetadataMap(): { get(key: string): string | undefined };
  getData_asU8(): Uint8Array;
  getCustomMetadata_asU8(): Uint8Array;
}

export type Expected = 'any' | 'no_stream' | 'stream_exists' | number;

export type CommitOutcome =
  | { readonly ok: true; readonly revision: number | null; readonly last: StoredRecord | undefined }
  | { readonly ok: false; readonly current: number | null };

/** The first user record sits after the log's own records, as in a real database. */
const FIRST_POSITION = 1_000;
const RECORD_OVERHEAD = 80;

export class DoubleLog {
  readonly records: StoredRecord[] = [];
  private readonly streams = new Map<string, StoredRecord[]>();
  private readonly listeners = new Set<(record: StoredRecord) => void>();
  private nextPosition = FIRST_POSITION;

  stream(name: string): readonly StoredRecord[] | undefined {
    return this.streams.get(name);
  }

  /** Calls `listener` with every record committed from now on; returns its removal. */
  listen(listener: (record: StoredRecord) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Drops every listener (the server that registered them is gone). */
  forgetListeners(): void {
    this.listeners.clear();
  }

  /** EventStoreDB's expected-revision rules; all of `proposed` is written, or nothing. */
  commit(stream: string, expected: Expected, proposed: readonly ProposedLike[]): CommitOutcome {
    const records = this.streams.get(stream) ?? [];
    const current = records.length > 0 ? records.length - 1 : null;
    const ok =
      expected === 'any' ||
      (expected === 'no_stream' && current === null) ||
      (expected === 'stream_exists' && current !== null) ||
      expected === current;
    if (!ok) return { ok: false, current };
    const written = proposed.map((message, index) => {
      const metadata = message.getMetadataMap();
      const data = message.getData_asU8();
      const custom = message.getCustomMetadata_asU8();
      const record: StoredRecord = {
        stream,
        id: message.getId()?.getString() ?? '',
        type: metadata.get('type') ?? '',
        contentType: metadata.get('content-type') ?? 'application/octet-stream',
        data,
        metadata: custom,
        revision: records.length + index,
        position: this.nextPosition,
        created: String(BigInt(Date.now()) * 10_000n),
      };
      this.nextPosition += RECORD_OVERHEAD + stream.length + data.length + custom.length;
      return record;
    });
    records.push(...written);
    if (records.length > 0) this.streams.set(stream, records);
    this.records.push(...written);
    for (const record of written) for (const listener of [...this.listeners]) listener(record);
    return { ok: true, revision: records.length > 0 ? records.length - 1 : null, last: written.at(-1) };
  }
}

export function streamName(identifier: StreamIdentifier | undefined): string {
  return Buffer.from(identifier?.getStreamName_asU8() ?? new Uint8Array()).toString('utf8');
}

export function streamIdentifier(name: string): StreamIdentifier {
  return new StreamIdentifier().setStreamName(Buffer.from(name, 'utf8'));
}

export { Empty };

/** A record as the Streams service sends it. */
export function eventResponse(record: StoredRecord): ReadResp {
  const event = new ReadResp.ReadEvent.RecordedEvent()
    .setId(new UUID().setString(record.id))
    .setStreamIdentifier(streamIdentifier(record.stream))
    .setStreamRevision(String(record.revision))
    .setCommitPosition(String(record.position))
    .setPreparePosition(String(record.position))
    .setData(record.data)
    .setCustomMetadata(record.metadata);
  const metadata = event.getMetadataMap();
  metadata.set('type', record.type);
  metadata.set('content-type', record.contentType);
  metadata.set('created', record.created);
  return new ReadResp().setEvent(
    new ReadResp.ReadEvent().setEvent(event).setCommitPosition(String(record.position)),
  );
}

/** One filter expression of ESDB: on the stream name or the event type, by regex or prefixes. */
export interface FilterExpressionLike {
  getRegex(): string;
  getPrefixList(): string[];
}

export function filterMatcher(
  onStream: boolean,
  expression: FilterExpressionLike,
): (record: StoredRecord) => boolean {
  const regex = expression.getRegex() ? new RegExp(expression.getRegex()) : undefined;
  const prefixes = expression.getPrefixList();
  return (record) => {
    const subject = onStream ? record.stream : record.type;
    if (regex && !regex.test(subject)) return false;
    return prefixes.length === 0 || prefixes.some((prefix) => subject.startsWith(prefix));
  };
}
