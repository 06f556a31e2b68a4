import {
  StreamNotFoundError,
  WrongExpectedVersionError,
  type EventMetadata,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
} from '#event-store';
import type { CommandContext, CommandResult } from './command-context.js';
import type { Command, Decider, DomainEvent } from './decider.js';
import { IdempotencyConflict } from './errors.js';
import { eventIdFor } from './event-ids.js';
import { stateCacheOf, type FoldedStream, type StateCache, type WrittenCommand } from './state-cache.js';

export interface CommandHandlingDeps {
  readonly store: EventStore;
  readonly clock: () => Date;
  /** Folded state kept between commands (default: the cache attached to the store, if any). */
  readonly states?: StateCache;
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
  const states = deps.states ?? stateCacheOf(deps.store);
  for (let attempt = 0; ; attempt++) {
    const folded = await loadStream(deps.store, states, decider, stream);
    const revision = folded.revision;
    const replay = replayOf(folded.commands.get(options.context.commandId), stream, options.context);
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
    const produced = decider.decide(full, folded.state as S);
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
        events: events.map((e, i) => ({ id: e.id, type: e.type, position: result.positions[i] })),
        replayed: result.idempotent,
      };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        // Someone wrote to the stream meanwhile: the next attempt reads what followed the cached
        // revision. A stream that is not beyond it is not the stream the cache knew: forget it.
        if (error.actual === null || error.actual <= revision) states?.evict(stream);
        if (attempt < retries) continue;
      }
      throw error;
    }
  }
}

/**
 * The stream folded by `decider`: from the cached fold plus the events after its revision when
 * there is one, else from the whole stream. The result is cached for the next command.
 */
async function loadStream<C extends Command, E extends DomainEvent, S>(
  store: EventStore,
  states: StateCache | undefined,
  decider: Decider<C, E, S>,
  stream: string,
): Promise<FoldedStream> {
  const cached = states?.get(stream, decider);
  if (cached) {
    const newer = await readHistory(store, stream, cached.revision + 1);
    // The append checks the revision again: a fold gone wrong ends in a conflict, never in a write.
    if (newer.length === 0) return cached;
    if (newer[0].revision === cached.revision + 1) {
      const folded = foldOnto(cached, decider, newer);
      states!.set(stream, folded);
      return folded;
    }
    states!.evict(stream);
  }
  const history = await readHistory(store, stream);
  const folded = foldOnto(
    { decider, revision: -1, state: decider.initialState(), commands: new Map(), events: 0 },
    decider,
    history,
  );
  states?.set(stream, folded);
  return folded;
}

function foldOnto<C extends Command, E extends DomainEvent, S>(
  from: FoldedStream,
  decider: Decider<C, E, S>,
  events: readonly RecordedEvent[],
): FoldedStream {
  let state = from.state as S;
  const commands = from.commands;
  for (const event of events) {
    state = decider.evolve(state, event as unknown as E);
    const commandId = event.metadata.commandId;
    let written = commands.get(commandId);
    if (!written) {
      written = { commandHash: event.metadata.commandHash, revision: event.revision, events: [] };
      commands.set(commandId, written);
    }
    // Two commands in flight may fold the same events onto one entry: record each event once.
    if (written.events.some((e) => e.id === event.id)) continue;
    written.events.push({ id: event.id, type: event.type, position: event.position });
    written.revision = event.revision;
  }
  const revision = events.length > 0 ? events[events.length - 1].revision : from.revision;
  return { decider, revision, state, commands, events: from.events + events.length };
}

/** The events of a stream, or none when it does not exist yet. */
export async function readHistory(
  store: EventStore,
  stream: string,
  fromRevision?: number,
): Promise<RecordedEvent[]> {
  try {
    return await store.readStream(stream, fromRevision === undefined ? {} : { fromRevision });
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

function replayOf(
  earlier: WrittenCommand | undefined,
  stream: string,
  context: CommandContext,
): CommandResult | null {
  if (!earlier || earlier.events.length === 0) return null;
  if (context.commandHash && earlier.commandHash !== context.commandHash) {
    throw new IdempotencyConflict(context.commandId);
  }
  return {
    commandId: context.commandId,
    stream,
    revision: earlier.revision,
    position: earlier.events[earlier.events.length - 1].position,
    events: earlier.events.map((e) => ({ id: e.id, type: e.type, position: e.position })),
    replayed: true,
  };
}
