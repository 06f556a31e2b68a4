import { Inject, Injectable } from '@nestjs/common';
import type { Database } from 'better-sqlite3';
import { parseAsOf } from '../projections/as-of/as-of.js';
import { AsOfReplayer } from '../projections/as-of/as-of-replayer.js';
import { ProjectionRunner } from '../projections/projection-runner.js';
import { ProblemException } from './http/problem.js';
import type { EventSourcingOptions } from './event-sourcing.options.js';
import { CLOCK, EVENT_SOURCING_OPTIONS } from './tokens.js';

/** What a query reads: the live read models, or the read models as they stood at a point of the log. */
export interface ReadView {
  /**
   * For the live view, the database current when it is read: a blue/green rebuild may swap it, so
   * read `view.db` when querying rather than keeping it across an `await`.
   */
  readonly db: Database;
  /** `null` for the live read models; the last position included otherwise. */
  readonly asOfPosition: number | null;
  /** The day the view speaks of (YYYY-MM-DD): today, or the day asked about; decides what is overdue. */
  readonly today: string;
}

/** What every query takes besides its own filters. */
export interface ReadOptions {
  readonly asOf?: string;
  readonly minPosition?: number;
}

/** Access to the read models for queries: read-your-writes through `minPosition`, the past through `asOf`. */
@Injectable()
export class ReadModels {
  constructor(
    private readonly runner: ProjectionRunner,
    private readonly replayer: AsOfReplayer,
    @Inject(EVENT_SOURCING_OPTIONS) private readonly options: EventSourcingOptions,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  /** The live read-model database, the one the live runner writes; a blue/green rebuild replaces it. */
  get db(): Database {
    return this.runner.database;
  }

  /** The database a query should read, after waiting for `minPosition` or replaying to `asOf`. */
  async view({ asOf, minPosition }: ReadOptions = {}): Promise<ReadView> {
    if (asOf === undefined) {
      await this.caughtUp(minPosition);
      const runner = this.runner;
      return {
        get db() {
          return runner.database;
        },
        asOfPosition: null,
        today: this.clock().toISOString().slice(0, 10),
      };
    }
    const parsed = parseAsOf(asOf);
    if (!parsed) {
      throw ProblemException.of(
        400,
        'validation',
        'The request is not valid',
        'asOf must be an ISO date or time, occurred:<ISO>, or position:N',
        {
          errors: [
            { field: 'asOf', message: 'asOf must be an ISO date or time, occurred:<ISO>, or position:N' },
          ],
        },
      );
    }
    const view = await this.replayer.open(parsed);
    const today = parsed.kind === 'position' ? this.clock().toISOString() : parsed.at;
    return { db: view.db, asOfPosition: view.position, today: today.slice(0, 10) };
  }

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
