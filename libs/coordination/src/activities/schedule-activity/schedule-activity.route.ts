import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandRequestContext, CommandRoute, type CommandRequest } from '#eventsourcing';
import { ScheduleActivityDto } from './schedule-activity.dto.js';
import { ScheduleActivityCommand } from './schedule-activity.handler.js';

@ApiTags('commands: activities')
@Controller('api/commands')
export class ScheduleActivityRoute {
  constructor(private readonly bus: CommandBus) {}

  @CommandRoute(
    'ScheduleActivity',
    'Schedule a programme, training, internship or meeting round from an adopted plan or an "agreed to organise" decision',
    'The lead state takes part; the lead institution belongs to a participating state; one activity per plan activity.',
  )
  run(@Body() body: ScheduleActivityDto, @CommandRequestContext() request: CommandRequest) {
    return this.bus.execute(new ScheduleActivityCommand(body, request));
  }
}
