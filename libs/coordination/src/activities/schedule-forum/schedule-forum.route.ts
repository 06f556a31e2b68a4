import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandRequestContext, CommandRoute, type CommandRequest } from '#eventsourcing';
import { ScheduleForumDto } from './schedule-forum.dto.js';
import { ScheduleForumCommand } from './schedule-forum.handler.js';

@ApiTags('commands: activities')
@Controller('api/commands')
export class ScheduleForumRoute {
  constructor(private readonly bus: CommandBus) {}

  @CommandRoute(
    'ScheduleForum',
    'Schedule a forum from an activity of an adopted plan or an "agreed to organise" decision',
    'The lead state takes part; the lead institution belongs to a participating state; one activity per plan activity.',
  )
  run(@Body() body: ScheduleForumDto, @CommandRequestContext() request: CommandRequest) {
    return this.bus.execute(new ScheduleForumCommand(body, request));
  }
}
