import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandRequestContext, CommandRoute, type CommandRequest } from '#eventsourcing';
import { ClosePlanDto } from './close-plan.dto.js';
import { ClosePlanCommand } from './close-plan.handler.js';

@ApiTags('commands: plans')
@Controller('api/commands')
export class ClosePlanRoute {
  constructor(private readonly bus: CommandBus) {}

  @CommandRoute('ClosePlan', 'Close an adopted plan; a closed plan is final')
  run(@Body() body: ClosePlanDto, @CommandRequestContext() request: CommandRequest) {
    return this.bus.execute(new ClosePlanCommand(body, request));
  }
}
