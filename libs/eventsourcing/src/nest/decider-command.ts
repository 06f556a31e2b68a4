import { Injectable } from '@nestjs/common';
import { Command as BusCommand, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../command-context.js';
import type { Command, Decider } from '../decider.js';
import { CommandHandling } from './command-handling.service.js';
import { splitCommandBody, type CommandBodyDto } from './http/command-body.dto.js';
import type { CommandRequest } from './http/command-request.js';

/** A command on the bus: the validated body and what the request said about it. */
export class SliceCommand<B extends CommandBodyDto> extends BusCommand<CommandResult> {
  constructor(
    readonly body: B,
    readonly request: CommandRequest,
  ) {
    super();
  }
}

/**
 * The usual command handler: map the body to the domain command, run it through the decider
 * on its stream. A slice names its decider, command type and stream, nothing more.
 */
@Injectable()
export abstract class DeciderCommandHandler<B extends CommandBodyDto> implements ICommandHandler<
  SliceCommand<B>
> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each slice brings its own decider
  protected abstract readonly decider: Decider<any, any, any>;
  protected abstract readonly commandType: string;
  protected abstract stream(data: Omit<B, keyof CommandBodyDto>): string;

  constructor(protected readonly commands: CommandHandling) {}

  execute({ body, request }: SliceCommand<B>): Promise<CommandResult> {
    const { data, extras } = splitCommandBody(body);
    const command = { type: this.commandType, data } as Omit<Command, 'metadata'>;
    return this.commands.handle(this.decider, this.stream(data), command, request, extras);
  }
}
