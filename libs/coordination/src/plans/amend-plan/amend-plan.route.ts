import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandRequestContext, CommandRoute, type CommandRequest } from '#eventsourcing';
import { AmendPlanDto } from './amend-plan.dto.js';
import { AmendPlanCommand } from './amend-plan.handler.js';

@ApiTags('commands: plans')
@Controller('api/commands')
export class AmendPlanRoute {
  constructor(private readonly bus: CommandBus) {}

  @CommandRoute(
    'AmendPlan',
    'Amend an adopted plan (add, remove activities, retitle), citing a decision of a convened meeting',
    'The decision is "adopted" or "agreed-to-organise", never one only noted; a closed plan is not amended.',
  )
  run(@Body() body: AmendPlanDto, @CommandRequestContext() request: CommandRequest) {
    return this.bus.execute(new AmendPlanCommand(body, request));
  }
}
