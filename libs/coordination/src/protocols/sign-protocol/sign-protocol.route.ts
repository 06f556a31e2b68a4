import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandRequestContext, CommandRoute, type CommandRequest } from '#eventsourcing';
import { SignProtocolDto } from './sign-protocol.dto.js';
import { SignProtocolCommand } from './sign-protocol.handler.js';

@ApiTags('commands: protocols')
@Controller('api/commands')
export class SignProtocolRoute {
  constructor(private readonly bus: CommandBus) {}

  @CommandRoute(
    'SignProtocol',
    'Record the signature of a protocol by one of its parties',
    'Each party signs once, through its designated signatory; on the margins of a meeting, on its date and in its city. The last signature also records ProtocolSigned.',
  )
  run(@Body() body: SignProtocolDto, @CommandRequestContext() request: CommandRequest) {
    return this.bus.execute(new SignProtocolCommand(body, request));
  }
}
