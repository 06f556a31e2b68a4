/**
 * TEST CODE ONLY. An in-memory EventStoreDB speaking the real gRPC protocol (the client's own
 * generated service definitions), so the adapter runs over real gRPC without a server.
 * It covers what the adapter uses: Streams.Append (expected-revision rules and the
 * WrongExpectedVersion payload), Streams.Read of a stream and of `$all` (either way, from a
 * revision or position, count, filters) and `$all` subscriptions (confirmation, catch-up,
 * checkpoint, caughtUp, live), plus ServerFeatures. Not covered: BatchAppend (not announced,
 * so the client falls back to Append), deletes, stream metadata, links, persistent
 * subscriptions, projections, authentication, explicit transactions.
 */
import * as grpc from '@grpc/grpc-js';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb.js';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb.js';
import { Empty, StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb.js';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb.js';
import { AppendReq, AppendResp, ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb.js';

interface StoredRecord {
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

type Matcher = (record: StoredRecord) => boolean;
type Direction = ReadReq.Options.ReadDirection;
const FORWARDS = 0 as Direction;

/** The first user record sits after the log's own records, as in a real database. */
const FIRST_POSITION = 1_000;
const RECORD_OVERHEAD = 80;

export class EsdbProtocolDouble {
  private readonly log: StoredRecord[] = [];
  private readonly streams = new Map<string, StoredRecord[]>();
  private readonly live = new Set<(record: StoredRecord) => void>();
  private nextPosition = FIRST_POSITION;
  private subscriptions = 0;

  private constructor(
    private readonly server: grpc.Server,
    readonly port: number,
  ) {}

  static async start(): Promise<EsdbProtocolDouble> {
    const server = new grpc.Server();
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) =>
        error ? reject(error) : resolve(bound),
      ),
    );
    const double = new EsdbProtocolDouble(server, port);
    server.addService(StreamsService, {
      append: double.append.bind(double),
      read: double.read.bind(double),
    } as grpc.UntypedServiceImplementation);
    server.addService(ServerFeaturesService, {
      getSupportedMethods: (_call: unknown, callback: grpc.sendUnaryData<SupportedMethods>) =>
        callback(null, double.supportedMethods()),
    });
    return double;
  }

  get connectionString(): string {
    return `esdb://127.0.0.1:${this.port}?tls=false`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.tryShutdown(() => resolve()));
    this.server.forceShutdown();
  }

  private supportedMethods(): SupportedMethods {
    const method = (name: string) =>
      new SupportedMethod().setServiceName('event_store.client.streams.streams').setMethodName(name);
    return new SupportedMethods()
      .setEventStoreServerVersion('23.10.0')
      .setMethodsList([method('read'), method('append')]);
  }

  private append(
    call: grpc.ServerReadableStream<AppendReq, AppendResp>,
    callback: grpc.sendUnaryData<AppendResp>,
  ) {
    let options: AppendReq.Options | undefined;
    const proposed: AppendReq.ProposedMessage[] = [];
    call.on('data', (request: AppendReq) => {
      if (request.hasOptions()) options = request.getOptions();
      else if (request.hasProposedMessage()) proposed.push(request.getProposedMessage()!);
    });
    call.on('error', () => undefined);
    call.on('end', () => {
      if (!options) return callback({ code: grpc.status.INVALID_ARGUMENT, details: 'no options' });
      callback(null, this.commit(options, proposed));
    });
  }

  private commit(options: AppendReq.Options, proposed: AppendReq.ProposedMessage[]): AppendResp {
    const stream = streamName(options.getStreamIdentifier());
    const records = this.streams.get(stream) ?? [];
    const current = records.length - 1;
    const exists = records.length > 0;
    const ok =
      options.hasAny() ||
      (options.hasNoStream() && !exists) ||
      (options.hasStreamExists() && exists) ||
      (options.hasRevision() && exists && Number(options.getRevision()) === current);
    if (!ok) {
      const wrong = new AppendResp.WrongExpectedVersion();
      if (exists) wrong.setCurrentRevision(String(current));
      else wrong.setCurrentNoStream(new Empty());
      if (options.hasRevision()) wrong.setExpectedRevision(options.getRevision());
      else if (options.hasNoStream()) wrong.setExpectedNoStream(new Empty());
      else if (options.hasStreamExists()) wrong.setExpectedStreamExists(new Empty());
      else wrong.setExpectedAny(new Empty());
      return new AppendResp().setWrongExpectedVersion(wrong);
    }
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
    this.streams.set(stream, records);
    this.log.push(...written);
    for (const record of written) for (const listener of this.live) listener(record);
    const success = new AppendResp.Success();
    if (records.length === 0) success.setNoStream(new Empty());
    else success.setCurrentRevision(String(records.length - 1));
    const last = written[written.length - 1];
    if (last) success.setPosition(position(last.position));
    else success.setNoPosition(new Empty());
    return new AppendResp().setSuccess(success);
  }

  private read(call: grpc.ServerWritableStream<ReadReq, ReadResp>): void {
    const options = call.request.getOptions();
    if (!options) {
      call.destroy(new Error('no options'));
      return;
    }
    if (options.hasStream()) return this.readStream(call, options);
    if (options.hasSubscription()) return this.subscribeAll(call, options);
    return this.readAll(call, options);
  }

  private readStream(call: grpc.ServerWritableStream<ReadReq, ReadResp>, options: ReadReq.Options): void {
    const streamOptions = options.getStream()!;
    const identifier = streamOptions.getStreamIdentifier();
    const records = this.streams.get(streamName(identifier));
    if (!records) {
      call.write(
        new ReadResp().setStreamNotFound(new ReadResp.StreamNotFound().setStreamIdentifier(identifier)),
      );
      call.end();
      return;
    }
    const count = Number(options.getCount());
    const forwards = options.getReadDirection() === FORWARDS;
    let selected: StoredRecord[];
    if (forwards) {
      const from = streamOptions.hasRevision() ? Number(streamOptions.getRevision()) : 0;
      selected = streamOptions.hasEnd() ? [] : records.slice(from, from + count);
    } else {
      const last = records.length - 1;
      const from = streamOptions.hasRevision() ? Math.min(Number(streamOptions.getRevision()), last) : last;
      selected = streamOptions.hasStart()
        ? records.slice(0, 1)
        : records.slice(Math.max(0, from - count + 1), from + 1).reverse();
    }
    for (const record of selected) call.write(eventResponse(record));
    call.end();
  }

  private readAll(call: grpc.ServerWritableStream<ReadReq, ReadResp>, options: ReadReq.Options): void {
    const all = options.getAll()!;
    const count = Number(options.getCount());
    const matcher = toMatcher(options);
    const forwards = options.getReadDirection() === FORWARDS;
    const at = all.hasPosition() ? Number(all.getPosition()!.getCommitPosition()) : undefined;
    let candidates: StoredRecord[];
    if (forwards) {
      // Forward reads from a position include it.
      candidates = all.hasEnd() ? [] : this.log.filter((record) => at === undefined || record.position >= at);
    } else {
      // Backward reads from a position return what lies before it.
      candidates = all.hasStart()
        ? []
        : this.log.filter((record) => at === undefined || record.position < at).reverse();
    }
    for (const record of candidates.filter(matcher).slice(0, count)) call.write(eventResponse(record));
    call.end();
  }

  private subscribeAll(call: grpc.ServerWritableStream<ReadReq, ReadResp>, options: ReadReq.Options): void {
    const all = options.getAll()!;
    const matcher = toMatcher(options);
    call.write(
      new ReadResp().setConfirmation(
        new ReadResp.SubscriptionConfirmation().setSubscriptionId(`double-${++this.subscriptions}`),
      ),
    );
    const deliver = (record: StoredRecord) => {
      if (matcher(record)) call.write(eventResponse(record));
    };
    if (!all.hasEnd()) {
      // Subscriptions start strictly after the given position.
      const after = all.hasPosition() ? Number(all.getPosition()!.getCommitPosition()) : -1;
      for (const record of this.log) if (record.position > after) deliver(record);
    }
    if (options.hasFilter()) {
      const last = this.log[this.log.length - 1];
      const reached = last ? last.position : 0;
      call.write(
        new ReadResp().setCheckpoint(
          new ReadResp.Checkpoint().setCommitPosition(String(reached)).setPreparePosition(String(reached)),
        ),
      );
    }
    call.write(new ReadResp().setCaughtUp(new ReadResp.CaughtUp()));
    this.live.add(deliver);
    const stop = () => this.live.delete(deliver);
    call.on('cancelled', stop);
    call.on('close', stop);
    call.on('error', stop);
  }
}

function streamName(identifier: StreamIdentifier | undefined): string {
  return Buffer.from(identifier?.getStreamName_asU8() ?? new Uint8Array()).toString('utf8');
}

function position(at: number): AppendResp.Position {
  return new AppendResp.Position().setCommitPosition(String(at)).setPreparePosition(String(at));
}

function eventResponse(record: StoredRecord): ReadResp {
  const event = new ReadResp.ReadEvent.RecordedEvent()
    .setId(new UUID().setString(record.id))
    .setStreamIdentifier(new StreamIdentifier().setStreamName(Buffer.from(record.stream, 'utf8')))
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

/** ESDB filters: one expression, on the stream name or the event type, by regex or prefixes. */
function toMatcher(options: ReadReq.Options): Matcher {
  if (!options.hasFilter()) return () => true;
  const filter = options.getFilter()!;
  const onStream = filter.hasStreamIdentifier();
  const expression = onStream ? filter.getStreamIdentifier()! : filter.getEventType()!;
  const regex = expression.getRegex() ? new RegExp(expression.getRegex()) : undefined;
  const prefixes = expression.getPrefixList();
  return (record) => {
    const subject = onStream ? record.stream : record.type;
    if (regex && !regex.test(subject)) return false;
    return prefixes.length === 0 || prefixes.some((prefix) => subject.startsWith(prefix));
  };
}
