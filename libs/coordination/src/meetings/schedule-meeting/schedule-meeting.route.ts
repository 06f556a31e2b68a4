import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandRequestContext, CommandRoute, type CommandRequest } from '#eventsourcing';
import { ScheduleMeetingDto } from './schedule-meeting.dto.js';
import { ScheduleMeetingCommand } from './schedule-meeting.handler.js';

@ApiTags('commands: meetings')
@Controller('api/commands')
export class ScheduleMeetingRoute {
  constructor(private readonly bus: CommandBus) {}

  @CommandRoute('ScheduleMeeting', 'Schedule a numbered meeting of a series, with its host, place and date')
  run(@Body() body: ScheduleMeetingDto, @CommandRequestContext() request: CommandRequest) {
    return this.bus.execute(new ScheduleMeetingCommand(body, request));
  }
}
