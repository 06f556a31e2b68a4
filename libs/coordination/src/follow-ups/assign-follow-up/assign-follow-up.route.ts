import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandRequestContext, CommandRoute, type CommandRequest } from '#eventsourcing';
import { AssignFollowUpDto } from './assign-follow-up.dto.js';
import { AssignFollowUpCommand } from './assign-follow-up.handler.js';

@ApiTags('commands: follow-ups')
@Controller('api/commands')
export class AssignFollowUpRoute {
  constructor(private readonly bus: CommandBus) {}

  @CommandRoute(
    'AssignFollowUp',
    'Assign the follow-up of a recorded decision to a state or an institution',
    'The decision must be recorded at its meeting; the state and institution must be registered.',
  )
  run(@Body() body: AssignFollowUpDto, @CommandRequestContext() request: CommandRequest) {
    return this.bus.execute(new AssignFollowUpCommand(body, request));
  }
}
