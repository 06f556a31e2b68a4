import { Controller, Get, Header, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '#event-store';
import { BlueGreenRebuild, RebuildInProgress } from '../projections/blue-green-rebuild.js';
import { ProjectionRunner } from '../projections/projection-runner.js';
import { ProblemException } from './http/problem.js';

const STATUS_URL = '/api/operations/rebuild';

/** Operators rebuild the read models blue/green and follow the rebuild. */
@ApiTags('operations')
@Controller('api/operations/rebuild')
export class RebuildController {
  constructor(
    private readonly rebuild: BlueGreenRebuild,
    private readonly runner: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Post()
  @HttpCode(202)
  @Header('location', STATUS_URL)
  @ApiOperation({
    summary: 'Rebuild the read models blue/green',
    description:
      'Builds new read models from position 0 into a file beside the live one while the live ones keep ' +
      'answering; swaps them in once they have caught up with the log. Follow it at the status URL.',
  })
  @ApiResponse({ status: 202, description: 'Started; `statusUrl` (also `Location`) follows it' })
  @ApiResponse({ status: 409, description: 'A rebuild is already running' })
  start() {
    try {
      return { ...this.rebuild.start(), statusUrl: STATUS_URL };
    } catch (error) {
      if (!(error instanceof RebuildInProgress)) throw error;
      throw ProblemException.of(409, 'rebuild-in-progress', 'A rebuild is already running', error.message, {
        statusUrl: STATUS_URL,
      });
    }
  }

  @Get()
  @ApiOperation({
    summary:
      'The last blue/green rebuild: idle, building, swapping, done or failed, with positions and times',
  })
  async status() {
    const head = await this.store.head();
    return {
      ...this.rebuild.status(),
      livePosition: this.runner.position,
      headPosition: head.position,
      statusUrl: STATUS_URL,
    };
  }
}
