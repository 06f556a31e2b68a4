import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandRequestContext, CommandRoute, type CommandRequest } from '#eventsourcing';
import { AdoptPlanDto } from './adopt-plan.dto.js';
import { AdoptPlanCommand } from './adopt-plan.handler.js';

@ApiTags('commands: plans')
@Controller('api/commands')
export class AdoptPlanRoute {
  constructor(private readonly bus: CommandBus) {}

  @CommandRoute(
    'AdoptPlan',
    'Adopt a drafted plan, citing the adopted decision of a convened meeting',
    'One adopted plan per meeting series and year; observer states never count towards adoption.',
  )
  run(@Body() body: AdoptPlanDto, @CommandRequestContext() request: CommandRequest) {
    return this.bus.execute(new AdoptPlanCommand(body, request));
  }
}
