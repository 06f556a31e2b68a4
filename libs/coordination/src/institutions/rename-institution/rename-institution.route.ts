import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandRequestContext, CommandRoute, type CommandRequest } from '#eventsourcing';
import { RenameInstitutionDto } from './rename-institution.dto.js';
import { RenameInstitutionCommand } from './rename-institution.handler.js';

@ApiTags('commands: institutions')
@Controller('api/commands')
export class RenameInstitutionRoute {
  constructor(private readonly bus: CommandBus) {}

  @CommandRoute(
    'RenameInstitution',
    'Rename an institution, or move it under another body, from a day on',
    'The new name period begins after the current one began; the current one ends the day before.',
  )
  run(@Body() body: RenameInstitutionDto, @CommandRequestContext() request: CommandRequest) {
    return this.bus.execute(new RenameInstitutionCommand(body, request));
  }
}
