import { InvalidArgumentError as UsageError, type Command } from 'commander';
import {
  CONSUMER_STRATEGIES,
  DEFAULT_GROUP_SETTINGS,
  EsdbConnectionError,
  EsdbEventStore,
  GroupExistsError,
  GroupNotFoundError,
  InvalidArgumentError,
  type ConsumerStrategy,
  type GroupDefinition,
  type GroupSettings,
} from '#event-store';
import { CliError, EXIT, type Output } from '../support.js';

interface ConnectionOptions {
  readonly connectionString?: string;
}

interface SettingOptions {
  readonly strategy?: ConsumerStrategy;
  readonly maxRetryCount?: number;
  readonly messageTimeoutMs?: number;
  readonly checkpointAfterMs?: number;
  readonly minCheckpointCount?: number;
  readonly maxCheckpointCount?: number;
  readonly maxSubscriberCount?: number;
}

const whole = (value: string) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new UsageError('must be a whole number of 0 or more');
  return n;
};
const strategy = (value: string) => {
  if (!CONSUMER_STRATEGIES.includes(value as ConsumerStrategy))
    throw new UsageError(`must be one of ${CONSUMER_STRATEGIES.join(', ')}`);
  return value as ConsumerStrategy;
};
const start = (value: string): GroupDefinition['startFrom'] =>
  value === 'start' || value === 'end' ? value : { after: whole(value) };
const list = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** Runs `work` on the groups of the EventStoreDB at the connection string; errors become exit codes. */
async function withGroups<T>(
  options: ConnectionOptions,
  env: NodeJS.ProcessEnv,
  work: (store: EsdbEventStore) => Promise<T>,
): Promise<T> {
  const connectionString = options.connectionString ?? env.KURULTAI_ESDB_CONNECTION_STRING;
  if (!connectionString)
    throw new CliError(
      'downstream groups live in EventStoreDB: give --connection-string or KURULTAI_ESDB_CONNECTION_STRING',
      EXIT.usage,
    );
  let store: EsdbEventStore;
  try {
    store = await EsdbEventStore.open(connectionString, { connectTimeoutMs: 5_000 });
  } catch (error) {
    if (error instanceof EsdbConnectionError) throw new CliError(error.message, EXIT.engine);
    throw error;
  }
  try {
    return await work(store);
  } catch (error) {
    if (error instanceof GroupNotFoundError) throw new CliError(error.message, EXIT.notFound);
    if (error instanceof GroupExistsError) throw new CliError(error.message, EXIT.failure);
    if (error instanceof InvalidArgumentError) throw new CliError(error.message, EXIT.usage);
    throw error;
  } finally {
    await store.close();
  }
}

function settingsOf(options: SettingOptions): Partial<GroupSettings> {
  const settings: Partial<Record<keyof GroupSettings, unknown>> = {
    consumerStrategy: options.strategy,
    maxRetryCount: options.maxRetryCount,
    messageTimeoutMs: options.messageTimeoutMs,
    checkpointAfterMs: options.checkpointAfterMs,
    minCheckpointCount: options.minCheckpointCount,
    maxCheckpointCount: options.maxCheckpointCount,
    maxSubscriberCount: options.maxSubscriberCount,
  };
  return Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined));
}

function withSettings(command: Command): Command {
  return command
    .option('--strategy <name>', `consumer strategy: ${CONSUMER_STRATEGIES.join(', ')}`, strategy)
    .option('--max-retry-count <n>', 'deliveries of one event before it is parked', whole)
    .option('--message-timeout-ms <ms>', 'an event not acknowledged in this time is delivered again', whole)
    .option('--checkpoint-after-ms <ms>', 'how often the server may write the group position', whole)
    .option('--min-checkpoint-count <n>', 'settled events before a checkpoint is written', whole)
    .option('--max-checkpoint-count <n>', 'settled events after which a checkpoint is written at once', whole)
    .option('--max-subscriber-count <n>', 'consumers at once (0: no limit)', whole);
}

/**
 * `kurultai groups create|list|update|delete|replay-parked`: persistent subscription groups of
 * EventStoreDB for downstream systems (docs/eventstoredb.md), straight on the database.
 */
export function addGroupsCommand(program: Command, io: Output, env: NodeJS.ProcessEnv): Command {
  const json = (value: unknown) => io.out(JSON.stringify(value, null, 2) + '\n');
  const groups = program
    .command('groups')
    .description('downstream groups: EventStoreDB persistent subscriptions for downstream systems')
    .option('--connection-string <esdb>', 'EventStoreDB (default: KURULTAI_ESDB_CONNECTION_STRING)');
  const connection = () => groups.opts<ConnectionOptions>();

  withSettings(
    groups
      .command('create <name>')
      .description('create a group on $all')
      .option('--from <where>', 'start, end (the default) or a position to start strictly after', start)
      .option('--types <list>', 'only these event types (comma-separated)', list)
      .option('--categories <list>', 'only these stream categories (comma-separated)', list),
  ).action(
    (
      name: string,
      options: SettingOptions & {
        from?: GroupDefinition['startFrom'];
        types?: string[];
        categories?: string[];
      },
    ) =>
      withGroups(connection(), env, async (store) =>
        json(
          await store.downstreamGroups.create({
            ...DEFAULT_GROUP_SETTINGS,
            ...settingsOf(options),
            name,
            startFrom: options.from ?? 'end',
            ...(options.types || options.categories
              ? { filter: { eventTypes: options.types ?? [], categories: options.categories ?? [] } }
              : {}),
          }),
        ),
      ),
  );

  groups
    .command('list')
    .description('every group: settings, consumers, parked events, positions')
    .action(() => withGroups(connection(), env, async (store) => json(await store.downstreamGroups.list())));

  withSettings(groups.command('update <name>').description("change a group's settings")).action(
    (name: string, options: SettingOptions) =>
      withGroups(connection(), env, async (store) =>
        json(await store.downstreamGroups.update(name, settingsOf(options))),
      ),
  );

  groups
    .command('delete <name>')
    .description('delete a group (its consumers are dropped)')
    .action((name: string) =>
      withGroups(connection(), env, async (store) => {
        await store.downstreamGroups.delete(name);
        json({ name, deleted: true });
      }),
    );

  groups
    .command('replay-parked <name>')
    .description("deliver the group's parked events again")
    .option('--stop-at <n>', 'only the first n parked events', whole)
    .action((name: string, options: { stopAt?: number }) =>
      withGroups(connection(), env, async (store) => {
        await store.downstreamGroups.replayParked(name, options.stopAt ? { stopAt: options.stopAt } : {});
        json({ name, replaying: options.stopAt ?? 'all' });
      }),
    );
  return groups;
}
