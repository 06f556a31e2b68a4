import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandRequestContext, CommandRoute, type CommandRequest } from '#eventsourcing';
import { CorrectRecordDto } from './correct-record.dto.js';
import { CorrectRecordCommand } from './correct-record.handler.js';

@ApiTags('commands: meetings')
@Controller('api/commands')
export class CorrectRecordRoute {
  constructor(private readonly bus: CommandBus) {}

  @CommandRoute(
    'CorrectRecord',
    'Correct the record of a closed meeting, keeping the original value',
    'What was decided (kind, adopting states, subject, what it organises or assigns) and ids are never corrected: that takes a new decision.',
  )
  run(@Body() body: CorrectRecordDto, @CommandRequestContext() request: CommandRequest) {
    return this.bus.execute(new CorrectRecordCommand(body, request));
  }
}
