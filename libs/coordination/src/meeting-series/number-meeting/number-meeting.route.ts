import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandRequestContext, CommandRoute, type CommandRequest } from '#eventsourcing';
import { NumberMeetingDto } from './number-meeting.dto.js';
import { NumberMeetingCommand } from './number-meeting.handler.js';

@ApiTags('commands: meeting series')
@Controller('api/commands')
export class NumberMeetingRoute {
  constructor(private readonly bus: CommandBus) {}

  @CommandRoute(
    'NumberMeeting',
    'Give a meeting its number in its series',
    'Numbers are unique in a series and rise with the date: a higher number is held on a later day.',
  )
  run(@Body() body: NumberMeetingDto, @CommandRequestContext() request: CommandRequest) {
    return this.bus.execute(new NumberMeetingCommand(body, request));
  }
}
