import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandRequestContext, CommandRoute, type CommandRequest } from '#eventsourcing';
import { AccreditDelegationDto } from './accredit-delegation.dto.js';
import { AccreditDelegationCommand } from './accredit-delegation.handler.js';

@ApiTags('commands: meetings')
@Controller('api/commands')
export class AccreditDelegationRoute {
  constructor(private readonly bus: CommandBus) {}

  @CommandRoute('AccreditDelegation', "Accredit a state's delegation to a meeting")
  run(@Body() body: AccreditDelegationDto, @CommandRequestContext() request: CommandRequest) {
    return this.bus.execute(new AccreditDelegationCommand(body, request));
  }
}
