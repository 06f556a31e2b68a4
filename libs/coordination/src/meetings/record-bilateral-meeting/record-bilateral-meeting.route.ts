import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandRequestContext, CommandRoute, type CommandRequest } from '#eventsourcing';
import { RecordBilateralMeetingDto } from './record-bilateral-meeting.dto.js';
import { RecordBilateralMeetingCommand } from './record-bilateral-meeting.handler.js';

@ApiTags('commands: meetings')
@Controller('api/commands')
export class RecordBilateralMeetingRoute {
  constructor(private readonly bus: CommandBus) {}

  @CommandRoute(
    'RecordBilateralMeeting',
    'Record a bilateral meeting of two delegations on the margins of a meeting',
    'Held while the meeting sits, or on its date (occurredAt); both parties accredited, of two different states.',
  )
  run(@Body() body: RecordBilateralMeetingDto, @CommandRequestContext() request: CommandRequest) {
    return this.bus.execute(new RecordBilateralMeetingCommand(body, request));
  }
}
