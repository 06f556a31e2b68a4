import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandRequestContext, CommandRoute, type CommandRequest } from '#eventsourcing';
import { RecordDecisionDto } from './record-decision.dto.js';
import { RecordDecisionCommand } from './record-decision.handler.js';

@ApiTags('commands: meetings')
@Controller('api/commands')
export class RecordDecisionRoute {
  constructor(private readonly bus: CommandBus) {}

  @CommandRoute(
    'RecordDecision',
    'Record a decision of a convened meeting (adopted, agreed to organise, noted)',
  )
  run(@Body() body: RecordDecisionDto, @CommandRequestContext() request: CommandRequest) {
    return this.bus.execute(new RecordDecisionCommand(body, request));
  }
}
