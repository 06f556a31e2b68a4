import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandRequestContext, CommandRoute, type CommandRequest } from '#eventsourcing';
import { ReportProgressDto } from './report-progress.dto.js';
import { ReportProgressCommand } from './report-progress.handler.js';

@ApiTags('commands: activities')
@Controller('api/commands')
export class ReportProgressRoute {
  constructor(private readonly bus: CommandBus) {}

  @CommandRoute(
    'ReportProgress',
    'Report the progress of a started activity (0-99%; 100% only by completing it)',
    'Progress does not go down. Focal points report only on activities their state leads.',
  )
  run(@Body() body: ReportProgressDto, @CommandRequestContext() request: CommandRequest) {
    return this.bus.execute(new ReportProgressCommand(body, request));
  }
}
