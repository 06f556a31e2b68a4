import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandRequestContext, CommandRoute, type CommandRequest } from '#eventsourcing';
import { AddPartyDto } from './add-party.dto.js';
import { AddPartyCommand } from './add-party.handler.js';

@ApiTags('commands: protocols')
@Controller('api/commands')
export class AddPartyRoute {
  constructor(private readonly bus: CommandBus) {}

  @CommandRoute(
    'AddParty',
    'Add a party to a protocol nobody has signed yet',
    'Parties are frozen from the first signature on.',
  )
  run(@Body() body: AddPartyDto, @CommandRequestContext() request: CommandRequest) {
    return this.bus.execute(new AddPartyCommand(body, request));
  }
}
