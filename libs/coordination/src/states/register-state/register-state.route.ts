import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandRequestContext, CommandRoute, type CommandRequest } from '#eventsourcing';
import { RegisterStateDto } from './register-state.dto.js';
import { RegisterStateCommand } from './register-state.handler.js';

@ApiTags('commands: states')
@Controller('api/commands')
export class RegisterStateRoute {
  constructor(private readonly bus: CommandBus) {}

  @CommandRoute(
    'RegisterState',
    'Register an OTS member or observer state under its two-letter code',
    'Codes are unique: registering a code twice is 409.',
  )
  run(@Body() body: RegisterStateDto, @CommandRequestContext() request: CommandRequest) {
    return this.bus.execute(new RegisterStateCommand(body, request));
  }
}
