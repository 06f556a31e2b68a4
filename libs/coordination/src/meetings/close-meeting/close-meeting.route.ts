import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandRequestContext, CommandRoute, type CommandRequest } from '#eventsourcing';
import { CloseMeetingDto } from './close-meeting.dto.js';
import { CloseMeetingCommand } from './close-meeting.handler.js';

@ApiTags('commands: meetings')
@Controller('api/commands')
export class CloseMeetingRoute {
  constructor(private readonly bus: CommandBus) {}

  @CommandRoute('CloseMeeting', 'Close a convened meeting; afterwards only corrections')
  run(@Body() body: CloseMeetingDto, @CommandRequestContext() request: CommandRequest) {
    return this.bus.execute(new CloseMeetingCommand(body, request));
  }
}
