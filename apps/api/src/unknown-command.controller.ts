import { Controller, Param, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ProblemException } from '#eventsourcing';

/** Any `POST /api/commands/{type}` that no slice serves is an unknown command type. */
@ApiExcludeController()
@Controller('api/commands')
export class UnknownCommandController {
  @Post(':type')
  unknown(@Param('type') type: string): never {
    throw ProblemException.of(
      404,
      'unknown-command',
      'Unknown command type',
      `there is no command named ${type.slice(0, 100)}`,
      {
        errors: [{ field: 'type', message: 'unknown command type' }],
      },
    );
  }
}
