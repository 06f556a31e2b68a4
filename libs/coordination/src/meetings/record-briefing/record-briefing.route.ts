import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandRequestContext, CommandRoute, type CommandRequest } from '#eventsourcing';
import { RecordBriefingDto } from './record-briefing.dto.js';
import { RecordBriefingCommand } from './record-briefing.handler.js';

@ApiTags('commands: meetings')
@Controller('api/commands')
export class RecordBriefingRoute {
  constructor(private readonly bus: CommandBus) {}

  @CommandRoute(
    'RecordBriefing',
    'Record a briefing given to a convened meeting, with the strategic documents it was on',
  )
  run(@Body() body: RecordBriefingDto, @CommandRequestContext() request: CommandRequest) {
    return this.bus.execute(new RecordBriefingCommand(body, request));
  }
}
