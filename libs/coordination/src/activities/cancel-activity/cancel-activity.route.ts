import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandRequestContext, CommandRoute, type CommandRequest } from '#eventsourcing';
import { CancelActivityDto } from './cancel-activity.dto.js';
import { CancelActivityCommand } from './cancel-activity.handler.js';

@ApiTags('commands: activities')
@Controller('api/commands')
export class CancelActivityRoute {
  constructor(private readonly bus: CommandBus) {}

  @CommandRoute('CancelActivity', 'Cancel an activity, with the reason; cancelled is final')
  run(@Body() body: CancelActivityDto, @CommandRequestContext() request: CommandRequest) {
    return this.bus.execute(new CancelActivityCommand(body, request));
  }
}
