import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandRequestContext, CommandRoute, type CommandRequest } from '#eventsourcing';
import { TerminateProtocolDto } from './terminate-protocol.dto.js';
import { TerminateProtocolCommand } from './terminate-protocol.handler.js';

@ApiTags('commands: protocols')
@Controller('api/commands')
export class TerminateProtocolRoute {
  constructor(private readonly bus: CommandBus) {}

  @CommandRoute(
    'TerminateProtocol',
    'Terminate a signed protocol',
    'Not before it was signed or entered into force; termination is final.',
  )
  run(@Body() body: TerminateProtocolDto, @CommandRequestContext() request: CommandRequest) {
    return this.bus.execute(new TerminateProtocolCommand(body, request));
  }
}
