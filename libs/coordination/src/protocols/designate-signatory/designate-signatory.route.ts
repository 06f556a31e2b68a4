import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandRequestContext, CommandRoute, type CommandRequest } from '#eventsourcing';
import { DesignateSignatoryDto } from './designate-signatory.dto.js';
import { DesignateSignatoryCommand } from './designate-signatory.handler.js';

@ApiTags('commands: protocols')
@Controller('api/commands')
export class DesignateSignatoryRoute {
  constructor(private readonly bus: CommandBus) {}

  @CommandRoute(
    'DesignateSignatory',
    'Designate who signs a protocol for one of its parties',
    'A party may designate someone else until it has signed.',
  )
  run(@Body() body: DesignateSignatoryDto, @CommandRequestContext() request: CommandRequest) {
    return this.bus.execute(new DesignateSignatoryCommand(body, request));
  }
}
