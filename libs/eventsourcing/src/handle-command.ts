import {
  StreamNotFoundError,
  WrongExpectedVersionError,
  type EventMetadata,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
} from '#event-store';
import type { CommandContext, CommandResult } from './command-context.js';
import { fold, type Command, type Decider, type DomainEvent } from './decider.js';
import { IdempotencyConflict } from './errors.js';
import { eventIdFor } from './event-ids.js';

export interface CommandHandlingDeps {
  readonly store: EventStore;
  readonly clock: () => Date;
}

export interface HandleCommandOptions {
  readonly context: CommandContext;
  /** The revision the client saw (`If-Match`): checked exactly, never retried. */
  readonly expectedRevision?: number;
  /** How many times to re-read and decide again after a concurrency conflict. */
  readonly retries?: number;
  /** Wire schema version of each event type (default 1). */
  readonly schemaVersions?: Readonly<Record<string, number>>;
}

/**
 * Reads the stream, folds it, decides, and appends with the expected revision. A command id
 * already present in the stream returns its first reply again (idempotent retries).
 */
export async function handleCommand<C extends Command, E extends DomainEvent, S>(
  deps: CommandHandlingDeps,
  decider: Decider<C, E, S>,
  stream: string,
  command: Omit<C, 'metadata'>,
  options: HandleCommandOptions,
): Promise<CommandResult> {
  const retries = options.expectedRevision === undefined ? (options.retries ?? 0) : 0;
  for (let attempt = 0; ; attempt++) {
    const history = await readHistory(deps.store, stream);
    const revision = history.length - 1;
    const replay = replayOf(history, stream, options.context);
    if (replay) return replay;
    if (options.expectedRevision !== undefined && options.expectedRevision !== revision) {
      throw new WrongExpectedVersionError(stream, options.expectedRevision, revision < 0 ? null : revision);
    }
    const recordedAt = deps.clock().toISOString();
    const metadata = eventMetadata(options.context, recordedAt, command.type);
    const full = {
      ...command,
      metadata: { actor: metadata.actor, occurredAt: metadata.occurredAt, recordedAt },
    } as C;
    const produced = decider.decide(full, fold(decider, history as unknown as E[]));
    if (produced.length === 0) {
      const head = await deps.store.head();
      return {
        commandId: options.context.commandId,
        stream,
        revision,
        position: head.position,
        events: [],
        replayed: false,
      };
    }
    const events: NewEvent[] = produced.map((event, index) => ({
      id: eventIdFor(options.context.commandId, index),
      type: event.type,
      schemaVersion: options.schemaVersions?.[event.type] ?? 1,
      data: event.data as Record<string, unknown>,
      metadata,
    }));
    try {
      const result = await deps.store.append(stream, events, {
        expectedRevision: revision < 0 ? 'no_stream' : revision,
      });
      return {
        commandId: options.context.commandId,
        stream,
        revision: result.revision,
        position: result.position,
        events: events.map((e, i) => ({ id: e.id, type: e.type, position: result.firstPosition + i })),
        replayed: result.idempotent,
      };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError && attempt < retries) continue;
      throw error;
    }
  }
}

/** The events of a stream, or none when it does not exist yet. */
export async function readHistory(store: EventStore, stream: string): Promise<RecordedEvent[]> {
  try {
    return await store.readStream(stream);
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
}

/** The metadata every event of a command carries. */
export function eventMetadata(
  context: CommandContext,
  recordedAt: string,
  commandType: string,
): EventMetadata {
  return {
    actor: context.actor,
    commandId: context.commandId,
    commandType,
    correlationId: context.correlationId,
    causationId: context.causationId,
    occurredAt: context.occurredAt ?? recordedAt,
    recordedAt,
    source: context.source ?? null,
    visibility: context.visibility ?? 'public',
    ...(context.commandHash ? { commandHash: context.commandHash } : {}),
  };
}

function replayOf(history: RecordedEvent[], stream: string, context: CommandContext): CommandResult | null {
  const earlier = history.filter((e) => e.metadata.commandId === context.commandId);
  if (earlier.length === 0) return null;
  if (context.commandHash && earlier[0].metadata.commandHash !== context.commandHash) {
    throw new IdempotencyConflict(context.commandId);
  }
  const last = earlier[earlier.length - 1];
  return {
    commandId: context.commandId,
    stream,
    revision: last.revision,
    position: last.position,
    events: earlier.map((e) => ({ id: e.id, type: e.type, position: e.position })),
    replayed: true,
  };
}
