import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandRequestContext, CommandRoute, type CommandRequest } from '#eventsourcing';
import { UpdateImplementationStatusDto } from './update-implementation-status.dto.js';
import { UpdateImplementationStatusCommand } from './update-implementation-status.handler.js';

@ApiTags('commands: follow-ups')
@Controller('api/commands')
export class UpdateImplementationStatusRoute {
  constructor(private readonly bus: CommandBus) {}

  @CommandRoute(
    'UpdateImplementationStatus',
    'Update how far a follow-up is implemented',
    'The status must change; implemented and not applicable are final.',
  )
  run(@Body() body: UpdateImplementationStatusDto, @CommandRequestContext() request: CommandRequest) {
    return this.bus.execute(new UpdateImplementationStatusCommand(body, request));
  }
}
