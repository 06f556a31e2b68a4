import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandRequestContext, CommandRoute, type CommandRequest } from '#eventsourcing';
import { RegisterInstitutionDto } from './register-institution.dto.js';
import { RegisterInstitutionCommand } from './register-institution.handler.js';

@ApiTags('commands: institutions')
@Controller('api/commands')
export class RegisterInstitutionRoute {
  constructor(private readonly bus: CommandBus) {}

  @CommandRoute(
    'RegisterInstitution',
    'Register an institution of a registered state (or of the OTS Secretariat) with its first name',
    'A parent body must be registered and belong to the same state; the institution never changes state.',
  )
  run(@Body() body: RegisterInstitutionDto, @CommandRequestContext() request: CommandRequest) {
    return this.bus.execute(new RegisterInstitutionCommand(body, request));
  }
}
