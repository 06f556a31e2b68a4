import { Controller, Get, HttpCode, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '#event-store';
import { ProblemException, ProjectionRunner } from '#eventsourcing';

/** Injection token: read models further behind than this many events make the engine not ready. */
export const READY_MAX_LAG = Symbol.for('kurultai.ReadyMaxLag');

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: ProjectionRunner,
    @Inject(READY_MAX_LAG) private readonly maxLag: number,
  ) {}

  @Get('live')
  @HttpCode(200)
  @ApiOperation({ summary: 'The process is up' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'The store answers and the read models are running and close to the log head' })
  async ready() {
    const head = await this.store.head();
    const projections = await this.runner.status();
    const failing = projections.filter((p) => p.state === 'failed' || p.lagEvents > this.maxLag);
    if (failing.length > 0) {
      throw ProblemException.of(503, 'not-ready', 'Not ready', 'read models are failing or far behind', {
        maxLagEvents: this.maxLag,
        projections,
      });
    }
    return { status: 'ready', headPosition: head.position, projections };
  }
}
