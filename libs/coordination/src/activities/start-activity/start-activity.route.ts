import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandRequestContext, CommandRoute, type CommandRequest } from '#eventsourcing';
import { StartActivityDto } from './start-activity.dto.js';
import { StartActivityCommand } from './start-activity.handler.js';

@ApiTags('commands: activities')
@Controller('api/commands')
export class StartActivityRoute {
  constructor(private readonly bus: CommandBus) {}

  @CommandRoute('StartActivity', 'Record the day a scheduled activity started')
  run(@Body() body: StartActivityDto, @CommandRequestContext() request: CommandRequest) {
    return this.bus.execute(new StartActivityCommand(body, request));
  }
}
