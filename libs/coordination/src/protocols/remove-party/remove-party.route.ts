import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandRequestContext, CommandRoute, type CommandRequest } from '#eventsourcing';
import { RemovePartyDto } from './remove-party.dto.js';
import { RemovePartyCommand } from './remove-party.handler.js';

@ApiTags('commands: protocols')
@Controller('api/commands')
export class RemovePartyRoute {
  constructor(private readonly bus: CommandBus) {}

  @CommandRoute(
    'RemoveParty',
    'Remove a party from a protocol nobody has signed yet',
    'The protocol keeps at least two parties from two different states; parties are frozen from the first signature on.',
  )
  run(@Body() body: RemovePartyDto, @CommandRequestContext() request: CommandRequest) {
    return this.bus.execute(new RemovePartyCommand(body, request));
  }
}
