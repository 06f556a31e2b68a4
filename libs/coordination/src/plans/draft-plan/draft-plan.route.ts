import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandRequestContext, CommandRoute, type CommandRequest } from '#eventsourcing';
import { DraftPlanDto } from './draft-plan.dto.js';
import { DraftPlanCommand } from './draft-plan.handler.js';

@ApiTags('commands: plans')
@Controller('api/commands')
export class DraftPlanRoute {
  constructor(private readonly bus: CommandBus) {}

  @CommandRoute('DraftPlan', 'Draft a joint activity plan of a meeting series for a year')
  run(@Body() body: DraftPlanDto, @CommandRequestContext() request: CommandRequest) {
    return this.bus.execute(new DraftPlanCommand(body, request));
  }
}
