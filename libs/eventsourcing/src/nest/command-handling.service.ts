import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import {
  EVENT_STORE,
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
        const result = await handleCommand(
          { store: this.store, clock: this.clock },
          decider,
          stream,
          command,
          {
            context: this.context(request, extras),
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
