import { Inject, Injectable } from '@nestjs/common';
import type { Database } from 'better-sqlite3';
import { ProjectionRunner } from '../projections/projection-runner.js';
import { ProblemException } from './http/problem.js';
import type { EventSourcingOptions } from './event-sourcing.options.js';
import { EVENT_SOURCING_OPTIONS, READ_MODEL_DB } from './tokens.js';

/** Access to the read models for queries, with read-your-writes through `minPosition`. */
@Injectable()
export class ReadModels {
  constructor(
    @Inject(READ_MODEL_DB) readonly db: Database,
    private readonly runner: ProjectionRunner,
    @Inject(EVENT_SOURCING_OPTIONS) private readonly options: EventSourcingOptions,
  ) {}

  /** Waits until the read models have applied the log up to `minPosition`, or answers 503. */
  async caughtUp(minPosition: number | undefined): Promise<void> {
    if (minPosition === undefined || minPosition <= 0) return;
    if (await this.runner.waitFor(minPosition, this.options.readWaitMs)) return;
    throw ProblemException.of(
      503,
      'read-model-behind',
      'The read models have not reached that position yet',
      `read models are at position ${this.runner.position}, asked for ${minPosition}; retry shortly`,
      { position: this.runner.position, minPosition },
    );
  }
}
