import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandRequestContext, CommandRoute, type CommandRequest } from '#eventsourcing';
import { AddAgendaItemDto } from './add-agenda-item.dto.js';
import { AddAgendaItemCommand } from './add-agenda-item.handler.js';

@ApiTags('commands: meetings')
@Controller('api/commands')
export class AddAgendaItemRoute {
  constructor(private readonly bus: CommandBus) {}

  @CommandRoute('AddAgendaItem', 'Add an item to the agenda of a meeting that is not closed')
  run(@Body() body: AddAgendaItemDto, @CommandRequestContext() request: CommandRequest) {
    return this.bus.execute(new AddAgendaItemCommand(body, request));
  }
}
