/**
 * TEST CODE ONLY. PersistentSubscriptions of the protocol double, for groups on `$all`, with
 * EventStoreDB's semantics as documented: the server keeps the group's position and hands each
 * event to one of the connected consumers by the group's strategy (RoundRobin, DispatchToSingle,
 * Pinned: by stream), at most `buffer size` unacknowledged events per consumer; an ack settles an
 * event; a nack retries it, skips it or parks it; an event not acked within `messageTimeout` is
 * retried; an event retried more than `maxRetryCount` times is parked; ReplayParked hands the
 * parked events out again (all, or the first `stopAt`). Events of a disconnected consumer are
 * retried for the others. Errors carry the `exception` metadata the client maps to its errors.
 * Simplified: parked events are kept in memory rather than in a `-parked` stream; checkpoints
 * are the position up to which every event is settled, written on every settlement.
 */
import * as grpc from '@grpc/grpc-js';
import { Empty, UUID } from '@eventstore/db-client/generated/shared_pb.js';
import {
  CreateReq,
  CreateResp,
  DeleteReq,
  DeleteResp,
  GetInfoReq,
  GetInfoResp,
  ListReq,
  ListResp,
  ReadReq,
  ReadResp,
  ReplayParkedReq,
  ReplayParkedResp,
  SubscriptionInfo,
  UpdateReq,
  UpdateResp,
} from '@eventstore/db-client/generated/persistent_pb.js';
import { filterMatcher, streamIdentifier, type DoubleLog, type StoredRecord } from './double-log.js';
import { Group, settingsOf, startOf, type Consumer, type Message } from './double-group.js';

export class PersistentGroups {
  private readonly groups = new Map<string, Group>();
  private timer: NodeJS.Timeout | undefined;
  private consumers = 0;

  constructor(private readonly log: DoubleLog) {}

  /** The gRPC implementation of event_store.client.persistent_subscriptions.PersistentSubscriptions. */
  service(): grpc.UntypedServiceImplementation {
    this.log.listen(() => this.pumpAll());
    this.timer ??= setInterval(() => this.expire(), 50).unref();
    return {
      create: (call: grpc.ServerUnaryCall<CreateReq, CreateResp>, done: grpc.sendUnaryData<CreateResp>) =>
        this.unary(done, () => this.create(call.request), new CreateResp()),
      update: (call: grpc.ServerUnaryCall<UpdateReq, UpdateResp>, done: grpc.sendUnaryData<UpdateResp>) =>
        this.unary(done, () => this.update(call.request), new UpdateResp()),
      delete: (call: grpc.ServerUnaryCall<DeleteReq, DeleteResp>, done: grpc.sendUnaryData<DeleteResp>) =>
        this.unary(done, () => this.remove(call.request.getOptions()!.getGroupName()), new DeleteResp()),
      getInfo: (call: grpc.ServerUnaryCall<GetInfoReq, GetInfoResp>, done: grpc.sendUnaryData<GetInfoResp>) =>
        this.unary(
          done,
          () => undefined,
          () =>
            new GetInfoResp().setSubscriptionInfo(
              this.info(this.get(call.request.getOptions()!.getGroupName())),
            ),
        ),
      list: (call: grpc.ServerUnaryCall<ListReq, ListResp>, done: grpc.sendUnaryData<ListResp>) =>
        this.unary(
          done,
          () => undefined,
          () =>
            new ListResp().setSubscriptionsList([...this.groups.values()].map((group) => this.info(group))),
        ),
      replayParked: (
        call: grpc.ServerUnaryCall<ReplayParkedReq, ReplayParkedResp>,
        done: grpc.sendUnaryData<ReplayParkedResp>,
      ) => this.unary(done, () => this.replay(call.request), new ReplayParkedResp()),
      read: (call: grpc.ServerDuplexStream<ReadReq, ReadResp>) => this.read(call),
      restartSubsystem: (_call: unknown, done: grpc.sendUnaryData<Empty>) => done(null, new Empty()),
    };
  }

  /** Ends every consumer's call (the server is going away); their events go back to the retries. */
  disconnectAll(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    for (const group of this.groups.values())
      for (const consumer of [...group.consumers]) this.disconnect(group, consumer);
  }

  private unary<T>(done: grpc.sendUnaryData<T>, work: () => void, reply: T | (() => T)): void {
    try {
      work();
      done(null, typeof reply === 'function' ? (reply as () => T)() : reply);
    } catch (error) {
      done(error as grpc.ServiceError);
    }
  }

  private get(name: string): Group {
    const group = this.groups.get(name);
    if (!group) throw failure(grpc.status.NOT_FOUND, 'persistent-subscription-does-not-exist', name);
    return group;
  }

  private create(request: CreateReq): void {
    const options = request.getOptions()!;
    const name = options.getGroupName();
    if (!options.hasAll())
      throw failure(grpc.status.UNIMPLEMENTED, 'unsupported', name, 'the double keeps groups on $all only');
    if (this.groups.has(name))
      throw failure(grpc.status.ALREADY_EXISTS, 'persistent-subscription-exists', name);
    const all = options.getAll()!;
    const [start, startFrom] = startOf(all);
    let matches: (record: StoredRecord) => boolean = (record) => !record.stream.startsWith('$');
    if (all.hasFilter()) {
      const filter = all.getFilter()!;
      const onStream = filter.hasStreamIdentifier();
      matches = filterMatcher(onStream, onStream ? filter.getStreamIdentifier()! : filter.getEventType()!);
    }
    this.groups.set(
      name,
      new Group(name, settingsOf(options.getSettings()!), startFrom, matches, this.log, start),
    );
  }

  private update(request: UpdateReq): void {
    const options = request.getOptions()!;
    const group = this.get(options.getGroupName());
    group.settings = settingsOf(options.getSettings()!);
    // As on the server, an update makes the consumers connect again.
    for (const consumer of [...group.consumers]) this.disconnect(group, consumer, 'the group was updated');
  }

  private remove(name: string): void {
    const group = this.get(name);
    for (const consumer of [...group.consumers]) this.disconnect(group, consumer, 'the group was deleted');
    this.groups.delete(name);
  }

  private replay(request: ReplayParkedReq): void {
    const options = request.getOptions()!;
    const group = this.get(options.getGroupName());
    const count = options.hasStopAt() ? Number(options.getStopAt()) : group.parked.length;
    const replayed = group.parked.splice(0, count);
    group.retries.push(...replayed.map((message) => ({ record: message.record, retryCount: 0 })));
    this.pump(group);
  }

  private read(call: grpc.ServerDuplexStream<ReadReq, ReadResp>): void {
    let joined: { group: Group; consumer: Consumer } | undefined;
    call.on('data', (request: ReadReq) => {
      try {
        if (request.hasOptions()) {
          const options = request.getOptions()!;
          const group = this.get(options.getGroupName());
          const max = group.settings.maxSubscriberCount;
          if (max > 0 && group.consumers.length >= max)
            throw failure(grpc.status.FAILED_PRECONDITION, 'maximum-subscribers-reached', group.name);
          const consumer: Consumer = {
            id: `${group.name}::${++this.consumers}`,
            call,
            bufferSize: Math.max(1, options.getBufferSize()),
            connectionName: String(call.metadata.get('connection-name')[0] ?? ''),
            inFlight: 0,
            total: 0,
          };
          group.consumers.push(consumer);
          joined = { group, consumer };
          call.write(
            new ReadResp().setSubscriptionConfirmation(
              new ReadResp.SubscriptionConfirmation().setSubscriptionId(consumer.id),
            ),
          );
          this.pump(group);
        } else if (joined && request.hasAck()) {
          for (const id of request.getAck()!.getIdsList()) this.settle(joined.group, id.getString());
          this.pump(joined.group);
        } else if (joined && request.hasNack()) {
          const nack = request.getNack()!;
          for (const id of nack.getIdsList()) this.nack(joined.group, id.getString(), nack.getAction());
          this.pump(joined.group);
        }
      } catch (error) {
        call.destroy(error as Error);
      }
    });
    const leave = () => {
      if (joined) this.disconnect(joined.group, joined.consumer);
      joined = undefined;
    };
    call.on('end', leave);
    call.on('cancelled', leave);
    call.on('error', leave);
    call.on('close', leave);
  }

  private disconnect(group: Group, consumer: Consumer, reason?: string): void {
    const index = group.consumers.indexOf(consumer);
    if (index === -1) return;
    group.consumers.splice(index, 1);
    for (const [id, message] of group.inFlight) {
      if (message.consumer !== consumer) continue;
      group.inFlight.delete(id);
      group.retries.push({ record: message.record, retryCount: message.retryCount + 1 });
    }
    if (reason) {
      consumer.call.destroy(
        failure(grpc.status.CANCELLED, 'persistent-subscription-dropped', group.name, reason),
      );
    }
    this.pump(group);
  }

  /** Acked, skipped or parked: the event is done with; the checkpoint moves over what is settled. */
  private settle(group: Group, id: string): Message | undefined {
    const message = group.inFlight.get(id);
    if (!message) return undefined;
    group.inFlight.delete(id);
    message.consumer.inFlight--;
    group.settled.add(message.record.position);
    this.checkpoint(group);
    return message;
  }

  private nack(group: Group, id: string, action: ReadReq.Nack.Action): void {
    const PARK = 1;
    const RETRY = 2;
    const SKIP = 3;
    const message = group.inFlight.get(id);
    if (!message) return;
    if (action === RETRY) {
      group.inFlight.delete(id);
      message.consumer.inFlight--;
      this.retry(group, message);
    } else if (action === PARK) {
      this.settle(group, id);
      group.parked.push({ record: message.record, retryCount: message.retryCount });
    } else if (action === SKIP) {
      this.settle(group, id);
    }
    // STOP (and unknown actions): left in flight until its message timeout.
  }

  private retry(group: Group, message: Message): void {
    if (message.retryCount >= group.settings.maxRetryCount) {
      group.settled.add(message.record.position);
      group.parked.push({ record: message.record, retryCount: message.retryCount });
      this.checkpoint(group);
      return;
    }
    group.retries.push({ record: message.record, retryCount: message.retryCount + 1 });
  }

  private checkpoint(group: Group): void {
    const outstanding = [
      ...[...group.inFlight.values()].map((message) => message.record.position),
      ...group.retries.map((message) => message.record.position),
    ];
    const next = this.log.records[group.cursor]?.position ?? Infinity;
    const limit = Math.min(next, ...outstanding);
    for (const position of group.settled) {
      if (position < limit) {
        group.lastCheckpoint = Math.max(group.lastCheckpoint, position);
        group.settled.delete(position);
      }
    }
  }

  private expire(): void {
    const now = Date.now();
    for (const group of this.groups.values()) {
      for (const [id, message] of group.inFlight) {
        if (message.deadline > now) continue;
        group.inFlight.delete(id);
        message.consumer.inFlight--;
        this.retry(group, message);
      }
      this.pump(group);
    }
  }

  private pumpAll(): void {
    for (const group of this.groups.values()) this.pump(group);
  }

  /** Hands out retries first, then the log from the group's cursor, while consumers have room. */
  private pump(group: Group): void {
    for (;;) {
      let message = group.retries[0];
      const fromRetries = message !== undefined;
      if (!message) {
        while (group.cursor < this.log.records.length && !group.matches(this.log.records[group.cursor]))
          group.cursor++;
        const record = this.log.records[group.cursor];
        if (!record) return;
        message = { record, retryCount: 0 };
      }
      const consumer = group.pick(message.record);
      if (!consumer) return;
      if (fromRetries) group.retries.shift();
      else group.cursor++;
      consumer.inFlight++;
      consumer.total++;
      group.total++;
      group.inFlight.set(message.record.id, {
        ...message,
        consumer,
        deadline: Date.now() + (group.settings.messageTimeoutMs || 30_000),
      });
      consumer.call.write(persistentEvent(message));
    }
  }

  private info(group: Group): SubscriptionInfo {
    const { settings } = group;
    const last = this.log.records.at(-1)?.position;
    const at = (position: number | undefined) => (position ? `C:${position}/P:${position}` : '');
    return new SubscriptionInfo()
      .setEventSource('$all')
      .setGroupName(group.name)
      .setStatus(group.consumers.length > 0 ? 'Live' : 'Idle')
      .setConnectionsList(
        group.consumers.map((consumer) =>
          new SubscriptionInfo.ConnectionInfo()
            .setFrom(consumer.id)
            .setUsername('')
            .setTotalItems(String(consumer.total))
            .setCountSinceLastMeasurement('0')
            .setAvailableSlots(consumer.bufferSize - consumer.inFlight)
            .setInFlightMessages(consumer.inFlight)
            .setConnectionName(consumer.connectionName),
        ),
      )
      .setTotalItems(String(group.total))
      .setCountSinceLastMeasurement('0')
      .setLastCheckpointedEventPosition(at(group.lastCheckpoint))
      .setLastKnownEventPosition(at(last))
      .setResolveLinkTos(settings.resolveLinks)
      .setStartFrom(group.startFrom)
      .setMessageTimeoutMilliseconds(settings.messageTimeoutMs)
      .setExtraStatistics(settings.extraStatistics)
      .setMaxRetryCount(settings.maxRetryCount)
      .setLiveBufferSize(settings.liveBufferSize)
      .setBufferSize(settings.historyBufferSize)
      .setReadBatchSize(settings.readBatchSize)
      .setCheckPointAfterMilliseconds(settings.checkpointAfterMs)
      .setMinCheckPointCount(settings.minCheckpointCount)
      .setMaxCheckPointCount(settings.maxCheckpointCount)
      .setReadBufferCount(0)
      .setLiveBufferCount('0')
      .setRetryBufferCount(group.retries.length)
      .setTotalInFlightMessages(group.inFlight.size)
      .setOutstandingMessagesCount(group.inFlight.size)
      .setNamedConsumerStrategy(settings.strategy)
      .setMaxSubscriberCount(settings.maxSubscriberCount)
      .setParkedMessageCount(String(group.parked.length));
  }
}

function persistentEvent(message: Message): ReadResp {
  const { record } = message;
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
    new ReadResp.ReadEvent()
      .setEvent(event)
      .setCommitPosition(String(record.position))
      .setRetryCount(message.retryCount),
  );
}

/** A gRPC error as the server sends it: the client reads the `exception` metadata. */
function failure(code: grpc.status, exception: string, group: string, detail?: string): grpc.ServiceError {
  const metadata = new grpc.Metadata();
  metadata.set('exception', exception);
  metadata.set('stream-name', '$all');
  metadata.set('group-name', group);
  if (detail) metadata.set('reason', detail);
  const error = new Error(detail ?? `${exception}: ${group}`) as grpc.ServiceError;
  return Object.assign(error, { code, details: detail ?? `${exception}: ${group}`, metadata });
}
