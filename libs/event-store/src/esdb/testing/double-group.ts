/**
 * TEST CODE ONLY. One persistent subscription group of the protocol double: its settings, its
 * place in the log, the events in flight, to retry and parked, and its consumers.
 */
import type * as grpc from '@grpc/grpc-js';
import type {
  CreateReq,
  ReadReq,
  ReadResp,
  UpdateReq,
} from '@eventstore/db-client/generated/persistent_pb.js';
import type { DoubleLog, StoredRecord } from './double-log.js';

export type Strategy = 'RoundRobin' | 'DispatchToSingle' | 'Pinned';
const STRATEGIES: Record<number, Strategy> = { 0: 'DispatchToSingle', 1: 'RoundRobin', 2: 'Pinned' };

export interface Settings {
  readonly strategy: Strategy;
  readonly maxRetryCount: number;
  readonly messageTimeoutMs: number;
  readonly checkpointAfterMs: number;
  readonly minCheckpointCount: number;
  readonly maxCheckpointCount: number;
  readonly maxSubscriberCount: number;
  readonly liveBufferSize: number;
  readonly readBatchSize: number;
  readonly historyBufferSize: number;
  readonly resolveLinks: boolean;
  readonly extraStatistics: boolean;
}

export interface Message {
  readonly record: StoredRecord;
  retryCount: number;
}

export interface InFlight extends Message {
  readonly consumer: Consumer;
  readonly deadline: number;
}

export interface Consumer {
  readonly id: string;
  readonly call: grpc.ServerDuplexStream<ReadReq, ReadResp>;
  readonly bufferSize: number;
  readonly connectionName: string;
  inFlight: number;
  total: number;
}

export class Group {
  /** Index in the log of the next event the group has not looked at. */
  cursor: number;
  readonly retries: Message[] = [];
  readonly inFlight = new Map<string, InFlight>();
  readonly parked: Message[] = [];
  readonly consumers: Consumer[] = [];
  readonly settled = new Set<number>();
  lastCheckpoint = 0;
  total = 0;
  private turn = 0;

  constructor(
    readonly name: string,
    public settings: Settings,
    public startFrom: string,
    readonly matches: (record: StoredRecord) => boolean,
    log: DoubleLog,
    start: 'start' | 'end' | number,
  ) {
    this.cursor =
      start === 'start'
        ? 0
        : start === 'end'
          ? log.records.length
          : log.records.findIndex((record) => record.position >= start) === -1
            ? log.records.length
            : log.records.findIndex((record) => record.position >= start);
  }

  /** The consumer that gets `record` under the group's strategy, if one has room. */
  pick(record: StoredRecord): Consumer | undefined {
    const free = (consumer: Consumer) => consumer.inFlight < consumer.bufferSize;
    if (this.consumers.length === 0) return undefined;
    switch (this.settings.strategy) {
      case 'DispatchToSingle':
        return this.consumers.find(free);
      case 'Pinned': {
        const consumer = this.consumers[hash(record.stream) % this.consumers.length];
        return free(consumer) ? consumer : undefined;
      }
      default:
        for (let step = 0; step < this.consumers.length; step++) {
          const consumer = this.consumers[(this.turn + step) % this.consumers.length];
          if (free(consumer)) {
            this.turn = (this.turn + step + 1) % this.consumers.length;
            return consumer;
          }
        }
        return undefined;
    }
  }
}

function hash(text: string): number {
  let value = 0;
  for (const char of text) value = (value * 31 + char.charCodeAt(0)) >>> 0;
  return value;
}

export function settingsOf(settings: CreateReq.Settings | UpdateReq.Settings): Settings {
  return {
    strategy: STRATEGIES[settings.getNamedConsumerStrategy()] ?? 'RoundRobin',
    maxRetryCount: settings.getMaxRetryCount(),
    messageTimeoutMs: settings.hasMessageTimeoutMs() ? settings.getMessageTimeoutMs() : 30_000,
    checkpointAfterMs: settings.hasCheckpointAfterMs() ? settings.getCheckpointAfterMs() : 2_000,
    minCheckpointCount: settings.getMinCheckpointCount(),
    maxCheckpointCount: settings.getMaxCheckpointCount(),
    maxSubscriberCount: settings.getMaxSubscriberCount(),
    liveBufferSize: settings.getLiveBufferSize(),
    readBatchSize: settings.getReadBatchSize(),
    historyBufferSize: settings.getHistoryBufferSize(),
    resolveLinks: settings.getResolveLinks(),
    extraStatistics: settings.getExtraStatistics(),
  };
}

export function startOf(all: CreateReq.AllOptions): ['start' | 'end' | number, string] {
  if (all.hasStart()) return ['start', 'C:0/P:0'];
  if (all.hasPosition()) {
    const commit = Number(all.getPosition()!.getCommitPosition());
    return [commit, `C:${commit}/P:${all.getPosition()!.getPreparePosition()}`];
  }
  return ['end', 'C:-1/P:-1'];
}
