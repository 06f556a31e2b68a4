import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandRequestContext, CommandRoute, type CommandRequest } from '#eventsourcing';
import { AddActivityToPlanDto } from './add-activity-to-plan.dto.js';
import { AddActivityToPlanCommand } from './add-activity-to-plan.handler.js';

@ApiTags('commands: plans')
@Controller('api/commands')
export class AddActivityToPlanRoute {
  constructor(private readonly bus: CommandBus) {}

  @CommandRoute(
    'AddActivityToPlan',
    'Add an activity (forum, programme, training, ...) to a plan that is not adopted yet',
  )
  run(@Body() body: AddActivityToPlanDto, @CommandRequestContext() request: CommandRequest) {
    return this.bus.execute(new AddActivityToPlanCommand(body, request));
  }
}
