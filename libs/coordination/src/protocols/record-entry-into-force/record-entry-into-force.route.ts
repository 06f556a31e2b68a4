import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandRequestContext, CommandRoute, type CommandRequest } from '#eventsourcing';
import { RecordEntryIntoForceDto } from './record-entry-into-force.dto.js';
import { RecordEntryIntoForceCommand } from './record-entry-into-force.handler.js';

@ApiTags('commands: protocols')
@Controller('api/commands')
export class RecordEntryIntoForceRoute {
  constructor(private readonly bus: CommandBus) {}

  @CommandRoute(
    'RecordEntryIntoForce',
    'Record the day a signed protocol entered into force',
    'Not before the day of its last signature.',
  )
  run(@Body() body: RecordEntryIntoForceDto, @CommandRequestContext() request: CommandRequest) {
    return this.bus.execute(new RecordEntryIntoForceCommand(body, request));
  }
}
