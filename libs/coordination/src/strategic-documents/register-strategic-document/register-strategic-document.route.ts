import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandRequestContext, CommandRoute, type CommandRequest } from '#eventsourcing';
import { RegisterStrategicDocumentDto } from './register-strategic-document.dto.js';
import { RegisterStrategicDocumentCommand } from './register-strategic-document.handler.js';

@ApiTags('commands: strategic documents')
@Controller('api/commands')
export class RegisterStrategicDocumentRoute {
  constructor(private readonly bus: CommandBus) {}

  @CommandRoute(
    'RegisterStrategicDocument',
    'Register an adopted strategic document: a vision, strategy or declaration',
    'A strategic document is immutable: registering it again is 409, even with the same data.',
  )
  run(@Body() body: RegisterStrategicDocumentDto, @CommandRequestContext() request: CommandRequest) {
    return this.bus.execute(new RegisterStrategicDocumentCommand(body, request));
  }
}
