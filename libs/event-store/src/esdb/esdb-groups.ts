import {
  DISPATCH_TO_SINGLE,
  END,
  ErrorType,
  FORWARDS,
  PINNED,
  ROUND_ROBIN,
  START,
  UNBOUNDED,
  eventTypeFilter,
  isCommandError,
  persistentSubscriptionToAllSettingsFromDefaults,
  streamNameFilter,
  type EventStoreDBClient,
  type PersistentSubscriptionToAll,
  type PersistentSubscriptionToAllInfo,
  type PersistentSubscriptionToAllSettings,
  type Position,
  type ResolvedEvent,
} from '@eventstore/db-client';
import {
  CONSUMER_STRATEGIES,
  GROUP_NAME,
  GroupExistsError,
  GroupNotFoundError,
  type ConsumerStrategy,
  type DownstreamGroups,
  type GroupConsumer,
  type GroupDefinition,
  type GroupInfo,
  type GroupMessage,
  type GroupSettings,
} from '../downstream-groups.js';
import { InvalidArgumentError } from '../errors.js';
import type { LogFilter } from '../event-store.js';
import { validateFilter } from '../validate.js';
import { fromPortPosition, toPortPosition, toRecordedEvent } from './esdb-mapping.js';

const TO_ESDB: Record<ConsumerStrategy, string> = {
  'round-robin': ROUND_ROBIN,
  'dispatch-to-single': DISPATCH_TO_SINGLE,
  pinned: PINNED,
};
const FROM_ESDB: Record<string, ConsumerStrategy> = {
  [ROUND_ROBIN]: 'round-robin',
  [DISPATCH_TO_SINGLE]: 'dispatch-to-single',
  [PINNED]: 'pinned',
};
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Downstream groups as EventStoreDB persistent subscriptions to `$all` (see docs/eventstoredb.md).
 * The group's filter always leaves system streams out (the adapter's id reservations among them).
 */
export class EsdbDownstreamGroups implements DownstreamGroups {
  constructor(private readonly client: EventStoreDBClient) {}

  async create(definition: GroupDefinition): Promise<GroupInfo> {
    checkName(definition.name);
    checkSettings(definition);
    validateFilter(definition.filter);
    const settings = persistentSubscriptionToAllSettingsFromDefaults({
      ...toEsdbSettings(definition),
      startFrom:
        definition.startFrom === 'start'
          ? START
          : definition.startFrom === 'end'
            ? END
            : await this.firstAfter(definition.startFrom.after),
    });
    await this.call(definition.name, () =>
      this.client.createPersistentSubscriptionToAll(definition.name, settings, {
        filter: groupFilter(definition.filter),
      }),
    );
    return this.get(definition.name);
  }

  async update(name: string, changes: Partial<GroupSettings>): Promise<GroupInfo> {
    checkName(name);
    const current = await this.get(name);
    const next = { ...current, ...changes };
    checkSettings(next);
    const info = await this.info(name);
    await this.call(name, () =>
      this.client.updatePersistentSubscriptionToAll(name, { ...info.settings, ...toEsdbSettings(next) }),
    );
    return this.get(name);
  }

  async delete(name: string): Promise<void> {
    checkName(name);
    await this.call(name, () => this.client.deletePersistentSubscriptionToAll(name));
  }

  async list(): Promise<GroupInfo[]> {
    const all = await this.client.listPersistentSubscriptionsToAll();
    return all.map(fromEsdbInfo).sort((a, b) => a.name.localeCompare(b.name));
  }

  async get(name: string): Promise<GroupInfo> {
    checkName(name);
    return fromEsdbInfo(await this.info(name));
  }

  async replayParked(name: string, options: { readonly stopAt?: number } = {}): Promise<void> {
    checkName(name);
    if (options.stopAt !== undefined && !(Number.isInteger(options.stopAt) && options.stopAt > 0))
      throw new InvalidArgumentError('stopAt must be a whole number of 1 or more');
    await this.call(name, () =>
      this.client.replayParkedMessagesToAll(
        name,
        options.stopAt === undefined ? {} : { stopAt: BigInt(options.stopAt) },
      ),
    );
  }

  consume(name: string, options: { readonly bufferSize?: number } = {}): GroupConsumer {
    checkName(name);
    const inner = this.client.subscribeToPersistentSubscriptionToAll(name, {
      bufferSize: options.bufferSize ?? 10,
    });
    return new EsdbGroupConsumer(inner, name);
  }

  /**
   * A group from a position starts at the event there (a real record position, as the server
   * wants): strictly after `after` is the first record beyond it, or the end when there is none.
   */
  private async firstAfter(after: number): Promise<Position | typeof START | typeof END> {
    if (!Number.isInteger(after) || after < 0)
      throw new InvalidArgumentError('startFrom.after must be a position of 0 or more');
    if (after === 0) return START;
    const records: ResolvedEvent[] = [];
    for await (const resolved of this.client.readAll({
      direction: FORWARDS,
      fromPosition: fromPortPosition(after) as Position,
      maxCount: 2,
    }))
      records.push(resolved);
    const next = records.find(
      (resolved) => resolved.event?.position && toPortPosition(resolved.event.position) > after,
    );
    return next?.event?.position ?? END;
  }

  private info(name: string): Promise<PersistentSubscriptionToAllInfo> {
    return this.call(name, () => this.client.getPersistentSubscriptionToAllInfo(name));
  }

  private async call<T>(name: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw mapGroupError(error, name);
    }
  }
}

class EsdbGroupConsumer implements GroupConsumer {
  constructor(
    private readonly inner: PersistentSubscriptionToAll,
    private readonly name: string,
  ) {
    inner.on('error', () => undefined);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<GroupMessage> {
    try {
      for await (const resolved of this.inner as AsyncIterable<ResolvedEvent & { retryCount: number }>) {
        const event = toRecordedEvent(resolved);
        // The group's filter keeps system records out; one that slips through is not the port's.
        if (!event) {
          await this.inner.ack(resolved);
          continue;
        }
        yield {
          event,
          retryCount: resolved.retryCount ?? 0,
          ack: () => this.inner.ack(resolved),
          nack: (action, reason) => this.inner.nack(action, reason, resolved),
        };
      }
    } catch (error) {
      throw mapGroupError(error, this.name);
    }
  }

  async close(): Promise<void> {
    await this.inner.unsubscribe();
  }
}

function checkName(name: string): void {
  if (typeof name !== 'string' || !GROUP_NAME.test(name))
    throw new InvalidArgumentError(
      'a group name is 1 to 100 letters, digits, ".", "_" or "-", starting with a letter or digit',
    );
}

function checkSettings(settings: GroupSettings): void {
  if (!CONSUMER_STRATEGIES.includes(settings.consumerStrategy))
    throw new InvalidArgumentError(`consumerStrategy must be one of ${CONSUMER_STRATEGIES.join(', ')}`);
  const whole = (name: keyof GroupSettings, min: number) => {
    const value = settings[name];
    if (!Number.isInteger(value) || (value as number) < min)
      throw new InvalidArgumentError(`${name} must be a whole number of ${min} or more`);
  };
  whole('maxRetryCount', 0);
  whole('messageTimeoutMs', 1);
  whole('checkpointAfterMs', 1);
  whole('minCheckpointCount', 1);
  whole('maxCheckpointCount', 1);
  whole('maxSubscriberCount', 0);
  if (settings.maxCheckpointCount < settings.minCheckpointCount)
    throw new InvalidArgumentError('maxCheckpointCount must not be below minCheckpointCount');
}

function toEsdbSettings(settings: GroupSettings): Partial<PersistentSubscriptionToAllSettings> {
  return {
    consumerStrategyName: TO_ESDB[
      settings.consumerStrategy
    ] as PersistentSubscriptionToAllSettings['consumerStrategyName'],
    maxRetryCount: settings.maxRetryCount,
    messageTimeout: settings.messageTimeoutMs,
    checkPointAfter: settings.checkpointAfterMs,
    checkPointLowerBound: settings.minCheckpointCount,
    checkPointUpperBound: settings.maxCheckpointCount,
    maxSubscriberCount: settings.maxSubscriberCount === 0 ? UNBOUNDED : settings.maxSubscriberCount,
  };
}

function fromEsdbInfo(info: PersistentSubscriptionToAllInfo): GroupInfo {
  const { settings, stats } = info;
  const startFrom = settings.startFrom;
  return {
    name: info.groupName,
    status: info.status,
    startFrom:
      startFrom === START || startFrom === undefined
        ? 'start'
        : startFrom === END
          ? 'end'
          : { after: toPortPosition(startFrom) - 1 },
    consumerStrategy: FROM_ESDB[settings.consumerStrategyName] ?? 'round-robin',
    maxRetryCount: settings.maxRetryCount,
    messageTimeoutMs: settings.messageTimeout,
    checkpointAfterMs: settings.checkPointAfter,
    minCheckpointCount: settings.checkPointLowerBound,
    maxCheckpointCount: settings.checkPointUpperBound,
    maxSubscriberCount: settings.maxSubscriberCount === UNBOUNDED ? 0 : settings.maxSubscriberCount,
    consumers: info.connections.length,
    inFlightMessages: stats.totalInFlightMessages,
    parkedMessages: Number(stats.parkedMessageCount),
    lastCheckpointedPosition: stats.lastCheckpointedEventPosition
      ? toPortPosition(stats.lastCheckpointedEventPosition)
      : null,
    lastKnownPosition: stats.lastKnownEventPosition ? toPortPosition(stats.lastKnownEventPosition) : null,
  };
}

/** The server filters on one thing; without either list, system streams are left out. */
function groupFilter(filter: LogFilter | undefined) {
  const categories = filter?.categories ?? [];
  const eventTypes = filter?.eventTypes ?? [];
  if (categories.length > 0 && eventTypes.length > 0)
    throw new InvalidArgumentError('a downstream group filters on event types or on categories, not both');
  const alternatives = (names: readonly string[]) => [...new Set(names)].map(escape).join('|');
  if (categories.length > 0) return streamNameFilter({ regex: `^(?:${alternatives(categories)})(?:-|$)` });
  if (eventTypes.length > 0) return eventTypeFilter({ regex: `^(?:${alternatives(eventTypes)})$` });
  return streamNameFilter({ regex: '^[^$]' });
}

function mapGroupError(error: unknown, name: string): unknown {
  if (!(error instanceof Error) || !isCommandError(error)) return error;
  if (error.type === ErrorType.PERSISTENT_SUBSCRIPTION_EXISTS) return new GroupExistsError(name);
  if (error.type === ErrorType.PERSISTENT_SUBSCRIPTION_DOES_NOT_EXIST) return new GroupNotFoundError(name);
  return error;
}
