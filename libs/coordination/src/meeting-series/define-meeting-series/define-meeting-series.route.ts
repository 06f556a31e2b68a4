import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandRequestContext, CommandRoute, type CommandRequest } from '#eventsourcing';
import { DefineMeetingSeriesDto } from './define-meeting-series.dto.js';
import { DefineMeetingSeriesCommand } from './define-meeting-series.handler.js';

@ApiTags('commands: meeting series')
@Controller('api/commands')
export class DefineMeetingSeriesRoute {
  constructor(private readonly bus: CommandBus) {}

  @CommandRoute('DefineMeetingSeries', 'Define a series of meetings in a field of cooperation, e.g. diaspora')
  run(@Body() body: DefineMeetingSeriesDto, @CommandRequestContext() request: CommandRequest) {
    return this.bus.execute(new DefineMeetingSeriesCommand(body, request));
  }
}
