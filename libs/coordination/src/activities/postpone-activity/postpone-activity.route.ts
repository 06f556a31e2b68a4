import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandRequestContext, CommandRoute, type CommandRequest } from '#eventsourcing';
import { PostponeActivityDto } from './postpone-activity.dto.js';
import { PostponeActivityCommand } from './postpone-activity.handler.js';

@ApiTags('commands: activities')
@Controller('api/commands')
export class PostponeActivityRoute {
  constructor(private readonly bus: CommandBus) {}

  @CommandRoute('PostponeActivity', 'Move an activity that has not started to later dates, with the reason')
  run(@Body() body: PostponeActivityDto, @CommandRequestContext() request: CommandRequest) {
    return this.bus.execute(new PostponeActivityCommand(body, request));
  }
}
