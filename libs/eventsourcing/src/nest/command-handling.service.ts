import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import {
  EVENT_STORE,
  StreamNotFoundError,
  type EventMetadata,
  type EventStore,
  type SourceReference,
  type Visibility,
} from '#event-store';
import type { CommandContext, CommandResult } from '../command-context.js';
import type { Command, Decider, DomainEvent } from '../decider.js';
import { eventMetadata, handleCommand } from '../handle-command.js';
import { inCommandScope } from '../observability/command-scope.js';
import { commandOutcome, EngineMetrics } from '../observability/metrics.js';
import type { CommandRequest } from './http/command-request.js';
import { ProblemException } from './http/problem.js';
import { CLOCK, EVENT_SOURCING_OPTIONS } from './tokens.js';
import type { EventSourcingOptions } from './event-sourcing.options.js';

/** Common command fields: when it happened, its source, who may see it. */
export interface CommandExtras {
  readonly occurredAt?: string;
  readonly source?: SourceReference;
  readonly visibility?: Visibility;
}

/** The one way Nest command handlers run a command through a decider. */
@Injectable()
export class CommandHandling {
  constructor(
    @Inject(EVENT_STORE) readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: () => Date,
    @Inject(EVENT_SOURCING_OPTIONS) private readonly options: EventSourcingOptions,
    @Optional() private readonly metrics?: EngineMetrics,
  ) {}

  private readonly logger = new Logger('commands');
  /** Streams' first-event visibility: a stream's first event never changes, so once read it is known. */
  private readonly visibilities = new LRUCache<string, Visibility>({ max: 50_000 });

  handle<C extends Command, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    stream: string,
    command: Omit<C, 'metadata'>,
    request: CommandRequest,
    extras: CommandExtras = {},
  ): Promise<CommandResult> {
    const type = command.type;
    const scope = { commandId: request.commandId, correlationId: request.correlationId, commandType: type };
    // Log lines written while the command runs carry its ids; the duration feeds /metrics.
    return inCommandScope(scope, async () => {
      const started = process.hrtime.bigint();
      const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
      try {
        const visibility = await this.visibilityFor(stream, request, extras.visibility);
        const result = await handleCommand(
          { store: this.store, clock: this.clock },
          decider,
          stream,
          command,
          {
            context: this.context(request, { ...extras, visibility }),
            expectedRevision: request.expectedRevision,
            retries: this.options.commandRetries,
          },
        );
        const elapsed = seconds();
        this.metrics?.observeCommand(type, result.replayed ? 'replayed' : 'accepted', elapsed);
        this.logger.debug({
          msg: 'command handled',
          stream,
          position: result.position,
          replayed: result.replayed,
          ms: elapsed * 1000,
        });
        return result;
      } catch (error) {
        const outcome = commandOutcome(error);
        this.metrics?.observeCommand(type, outcome, seconds());
        this.logger.debug({ msg: 'command refused', stream, outcome });
        throw error;
      }
    });
  }

  /** The metadata a command's events carry, for handlers that write engine events of their own. */
  metadata(request: CommandRequest, commandType: string, extras: CommandExtras = {}): EventMetadata {
    return eventMetadata(this.context(request, extras), this.clock().toISOString(), commandType);
  }

  /**
   * An entity's visibility sticks (docs/visibility.md): the first event of its stream
   * sets it. A command on an internal entity that says nothing writes `internal` events too; only
   * the Secretariat may publish an event of an internal entity, and only by saying
   * `visibility: public` explicitly. Anyone else asking for that is refused (403).
   */
  private async visibilityFor(
    stream: string,
    request: CommandRequest,
    asked: Visibility | undefined,
  ): Promise<Visibility | undefined> {
    if (asked === 'internal') return asked;
    const entity = await this.entityVisibility(stream);
    if (entity !== 'internal') return asked;
    if (asked === undefined) return 'internal';
    if (request.actor.role === 'secretariat') return asked;
    throw ProblemException.of(
      403,
      'forbidden',
      'The event would publish an internal entity',
      `${stream} is internal; only the Secretariat can record a public event on it`,
      {
        rule: 'visibility.internal-entity',
        errors: [
          { field: 'visibility', message: 'leave it out (the entity stays internal) or ask the Secretariat' },
        ],
      },
    );
  }

  /** The visibility of a stream's first event, or null when the stream does not exist yet. */
  private async entityVisibility(stream: string): Promise<Visibility | null> {
    const known = this.visibilities.get(stream);
    if (known) return known;
    try {
      const [first] = await this.store.readStream(stream, { direction: 'forwards', limit: 1 });
      if (!first) return null;
      this.visibilities.set(stream, first.metadata.visibility);
      return first.metadata.visibility;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return null;
      throw error;
    }
  }

  private context(request: CommandRequest, extras: CommandExtras): CommandContext {
    return {
      commandId: request.commandId,
      correlationId: request.correlationId,
      causationId: request.causationId,
      actor: request.actor,
      commandHash: request.commandHash,
      occurredAt: extras.occurredAt ? new Date(extras.occurredAt).toISOString() : undefined,
      source: extras.source ?? null,
      visibility: extras.visibility,
    };
  }
}
