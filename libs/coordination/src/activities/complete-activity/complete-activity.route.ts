import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandRequestContext, CommandRoute, type CommandRequest } from '#eventsourcing';
import { CompleteActivityDto } from './complete-activity.dto.js';
import { CompleteActivityCommand } from './complete-activity.handler.js';

@ApiTags('commands: activities')
@Controller('api/commands')
export class CompleteActivityRoute {
  constructor(private readonly bus: CommandBus) {}

  @CommandRoute('CompleteActivity', 'Complete a started activity (progress becomes 100%); completed is final')
  run(@Body() body: CompleteActivityDto, @CommandRequestContext() request: CommandRequest) {
    return this.bus.execute(new CompleteActivityCommand(body, request));
  }
}
