import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandRequestContext, CommandRoute, type CommandRequest } from '#eventsourcing';
import { ChangeMembershipStatusDto } from './change-membership-status.dto.js';
import { ChangeMembershipStatusCommand } from './change-membership-status.handler.js';

@ApiTags('commands: states')
@Controller('api/commands')
export class ChangeMembershipStatusRoute {
  constructor(private readonly bus: CommandBus) {}

  @CommandRoute(
    'ChangeMembershipStatus',
    "Change a registered state's membership (member or observer) from a day on",
    'The status must change, and the new period must begin after the current one began.',
  )
  run(@Body() body: ChangeMembershipStatusDto, @CommandRequestContext() request: CommandRequest) {
    return this.bus.execute(new ChangeMembershipStatusCommand(body, request));
  }
}
