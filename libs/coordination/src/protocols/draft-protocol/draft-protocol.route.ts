import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandRequestContext, CommandRoute, type CommandRequest } from '#eventsourcing';
import { DraftProtocolDto } from './draft-protocol.dto.js';
import { DraftProtocolCommand } from './draft-protocol.handler.js';

@ApiTags('commands: protocols')
@Controller('api/commands')
export class DraftProtocolRoute {
  constructor(private readonly bus: CommandBus) {}

  @CommandRoute(
    'DraftProtocol',
    'Draft a bilateral or multilateral cooperation protocol between registered institutions',
    'At least two parties from at least two different states (the OTS Secretariat may join but is not a state). ' +
      'A protocol drafted on the margins of a meeting must be signed on its date, in its city.',
  )
  run(@Body() body: DraftProtocolDto, @CommandRequestContext() request: CommandRequest) {
    return this.bus.execute(new DraftProtocolCommand(body, request));
  }
}
