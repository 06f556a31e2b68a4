import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandRequestContext, CommandRoute, type CommandRequest } from '#eventsourcing';
import { ConveneMeetingDto } from './convene-meeting.dto.js';
import { ConveneMeetingCommand } from './convene-meeting.handler.js';

@ApiTags('commands: meetings')
@Controller('api/commands')
export class ConveneMeetingRoute {
  constructor(private readonly bus: CommandBus) {}

  @CommandRoute(
    'ConveneMeeting',
    'Convene a meeting: needs the host and a quorum of member states accredited',
  )
  run(@Body() body: ConveneMeetingDto, @CommandRequestContext() request: CommandRequest) {
    return this.bus.execute(new ConveneMeetingCommand(body, request));
  }
}
