/**
 * TEST CODE ONLY. An in-memory EventStoreDB speaking the real gRPC protocol (the client's own
 * generated service definitions), so the adapter runs over real gRPC without a server.
 * It covers what the adapter uses: Streams.Append and Streams.BatchAppend (expected-revision
 * rules and the WrongExpectedVersion payloads), Streams.Read of a stream and of `$all` (either
 * way, from a revision or position, count, filters), `$all` subscriptions (confirmation,
 * catch-up, checkpoint, caughtUp, live), ServerFeatures, and PersistentSubscriptions to `$all`
 * (see double-persistent-subscriptions.ts). `kill()` drops every connection as a crashed
 * server would and `restart()` listens again on the same port with the same data.
 * Not covered: deletes, stream metadata, links, projections, authentication, explicit
 * transactions, persistent subscriptions to single streams.
 */
import * as grpc from '@grpc/grpc-js';
import { PersistentSubscriptionsService } from '@eventstore/db-client/generated/persistent_grpc_pb.js';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb.js';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb.js';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb.js';
import { AppendReq, AppendResp, ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb.js';
import { serveBatchAppend, type BatchAppendCall } from './double-batch-append.js';
import {
  DoubleLog,
  Empty,
  eventResponse,
  filterMatcher,
  streamName,
  type Expected,
  type StoredRecord,
} from './double-log.js';
import { PersistentGroups } from './double-persistent-subscriptions.js';

type Direction = ReadReq.Options.ReadDirection;
const FORWARDS = 0 as Direction;

export interface DoubleOptions {
  /** Listen on this port (default: a free one). */
  readonly port?: number;
  /** Announce Streams.BatchAppend in ServerFeatures, as EventStoreDB 21.10+ does (default true). */
  readonly batchAppend?: boolean;
}

export class EsdbProtocolDouble {
  private readonly log = new DoubleLog();
  private readonly groups = new PersistentGroups(this.log);
  private server: grpc.Server | undefined;
  private boundPort = 0;
  private subscriptions = 0;

  private constructor(private readonly options: DoubleOptions) {}

  static async start(options: DoubleOptions = {}): Promise<EsdbProtocolDouble> {
    const double = new EsdbProtocolDouble(options);
    await double.listen(options.port ?? 0);
    return double;
  }

  get port(): number {
    return this.boundPort;
  }

  get connectionString(): string {
    return `esdb://127.0.0.1:${this.port}?tls=false`;
  }

  /** How many records the double holds, the adapter's own system records included. */
  get size(): number {
    return this.log.records.length;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    this.groups.disconnectAll();
    await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
    server.forceShutdown();
    this.log.forgetListeners();
  }

  /** Drops every connection and call at once, as a crashed server would; the data stays. */
  kill(): void {
    this.groups.disconnectAll();
    this.server?.forceShutdown();
    this.server = undefined;
    this.log.forgetListeners();
  }

  /** Listens again on the same port with the same data (after `kill()` or `stop()`). */
  async restart(): Promise<void> {
    if (this.server) this.kill();
    await this.listen(this.boundPort);
  }

  private async listen(port: number): Promise<void> {
    const server = new grpc.Server();
    server.addService(StreamsService, {
      append: this.append.bind(this),
      read: this.read.bind(this),
      batchAppend: (call: BatchAppendCall) =>
        serveBatchAppend(call, (stream, expected, proposed) => this.log.commit(stream, expected, proposed)),
    } as grpc.UntypedServiceImplementation);
    server.addService(ServerFeaturesService, {
      getSupportedMethods: (_call: unknown, callback: grpc.sendUnaryData<SupportedMethods>) =>
        callback(null, this.supportedMethods()),
    });
    server.addService(PersistentSubscriptionsService, this.groups.service());
    this.boundPort = await new Promise<number>((resolve, reject) =>
      server.bindAsync(`127.0.0.1:${port}`, grpc.ServerCredentials.createInsecure(), (error, bound) =>
        error ? reject(error) : resolve(bound),
      ),
    );
    this.server = server;
  }

  private supportedMethods(): SupportedMethods {
    const method = (service: string, name: string, features: string[] = []) =>
      new SupportedMethod().setServiceName(service).setMethodName(name).setFeaturesList(features);
    const streams = 'event_store.client.streams.streams';
    const persistent = 'event_store.client.persistent_subscriptions.persistentsubscriptions';
    const methods = [method(streams, 'read'), method(streams, 'append')];
    if (this.options.batchAppend !== false) methods.push(method(streams, 'batchappend'));
    for (const name of ['create', 'update', 'delete', 'read', 'getinfo', 'replayparked', 'list'])
      methods.push(method(persistent, name, ['stream', 'all']));
    return new SupportedMethods().setEventStoreServerVersion('23.10.0').setMethodsList(methods);
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
    const expected: Expected = options.hasRevision()
      ? Number(options.getRevision())
      : options.hasNoStream()
        ? 'no_stream'
        : options.hasStreamExists()
          ? 'stream_exists'
          : 'any';
    const outcome = this.log.commit(streamName(options.getStreamIdentifier()), expected, proposed);
    if (!outcome.ok) {
      const wrong = new AppendResp.WrongExpectedVersion();
      if (outcome.current !== null) wrong.setCurrentRevision(String(outcome.current));
      else wrong.setCurrentNoStream(new Empty());
      if (typeof expected === 'number') wrong.setExpectedRevision(String(expected));
      else if (expected === 'no_stream') wrong.setExpectedNoStream(new Empty());
      else if (expected === 'stream_exists') wrong.setExpectedStreamExists(new Empty());
      else wrong.setExpectedAny(new Empty());
      return new AppendResp().setWrongExpectedVersion(wrong);
    }
    const success = new AppendResp.Success();
    if (outcome.revision === null) success.setNoStream(new Empty());
    else success.setCurrentRevision(String(outcome.revision));
    if (outcome.last)
      success.setPosition(
        new AppendResp.Position()
          .setCommitPosition(String(outcome.last.position))
          .setPreparePosition(String(outcome.last.position)),
      );
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
    const records = this.log.stream(streamName(identifier));
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
    const log = this.log.records;
    let candidates: StoredRecord[];
    if (forwards) {
      // Forward reads from a position include it.
      candidates = all.hasEnd() ? [] : log.filter((record) => at === undefined || record.position >= at);
    } else {
      // Backward reads from a position return what lies before it.
      candidates = all.hasStart()
        ? []
        : log.filter((record) => at === undefined || record.position < at).reverse();
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
    const log = this.log.records;
    if (!all.hasEnd()) {
      // Subscriptions start strictly after the given position.
      const after = all.hasPosition() ? Number(all.getPosition()!.getCommitPosition()) : -1;
      for (const record of log) if (record.position > after) deliver(record);
    }
    if (options.hasFilter()) {
      const reached = log.at(-1)?.position ?? 0;
      call.write(
        new ReadResp().setCheckpoint(
          new ReadResp.Checkpoint().setCommitPosition(String(reached)).setPreparePosition(String(reached)),
        ),
      );
    }
    call.write(new ReadResp().setCaughtUp(new ReadResp.CaughtUp()));
    const stop = this.log.listen(deliver);
    call.on('cancelled', stop);
    call.on('close', stop);
    call.on('error', stop);
  }
}

function toMatcher(options: ReadReq.Options): (record: StoredRecord) => boolean {
  if (!options.hasFilter()) return () => true;
  const filter = options.getFilter()!;
  const onStream = filter.hasStreamIdentifier();
  return filterMatcher(onStream, onStream ? filter.getStreamIdentifier()! : filter.getEventType()!);
}
