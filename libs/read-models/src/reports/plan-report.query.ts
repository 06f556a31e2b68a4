import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '#event-store';
import {
  canSee,
  CLOCK,
  parseAsOf,
  ProblemException,
  PUBLIC_VIEWER,
  ReadModels,
  type ReadOptions,
  type Viewer,
} from '#eventsourcing';
import { findPlan } from '../plan-implementation/plan-implementation.query.js';
import { asOfMeaning, defaultAsOf, english, type PlanReport } from './plan-report.js';

export class GetPlanReport extends Query<PlanReport> {
  constructor(
    readonly planId: string,
    readonly read: ReadOptions = {},
    readonly viewer: Viewer = PUBLIC_VIEWER,
  ) {
    super();
  }
}

/** The plan view replayed as of a point (by default the end of the plan's year, by occurred time). */
@QueryHandler(GetPlanReport)
export class GetPlanReportHandler implements IQueryHandler<GetPlanReport> {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  /** The report holds what the viewer may see: the plan, its activities and its roll-ups alike. */
  async execute({ planId, read, viewer }: GetPlanReport): Promise<PlanReport> {
    let asOf = read.asOf;
    if (asOf === undefined) {
      const live = await this.readModels.view({ minPosition: read.minPosition });
      const current = findPlan(live.db, planId, live.today, viewer);
      if (!current) throw notFound(`there is no plan ${planId}`);
      asOf = defaultAsOf(current.year);
    }
    const view = await this.readModels.view({ asOf, minPosition: read.minPosition });
    const plan = findPlan(view.db, planId, view.today, viewer);
    if (!plan) throw notFound(this.absent(planId, asOf));
    const logPosition = view.asOfPosition ?? plan.position;
    return {
      plan,
      asOf: {
        value: asOf,
        defaulted: read.asOf === undefined,
        meaning: asOfMeaning(asOf, logPosition),
        day: view.today,
      },
      logPosition,
      stateNames: await this.stateNames(logPosition, viewer),
      generatedAt: this.clock().toISOString(),
    };
  }

  private absent(planId: string, asOf: string): string {
    const recorded = parseAsOf(asOf)?.kind === 'recorded';
    return recorded
      ? `plan ${planId} had not been recorded by ${asOf}; for how things stood on a day, ask asOf=occurred:${asOf}`
      : `there was no plan ${planId} as of ${asOf}`;
  }

  /** English state names, from the states' registrations up to the report's log position. */
  private async stateNames(upTo: number, viewer: Viewer): Promise<Record<string, string>> {
    const events = await this.store.readAll({ filter: { eventTypes: ['StateRegistered'] } });
    const names: Record<string, string> = {};
    for (const event of events) {
      if (event.position > upTo) break;
      if (!canSee(viewer, event)) continue;
      const data = event.data as { code?: string; name?: Record<string, string> };
      if (data.code && data.name) names[data.code] = english(data.name);
    }
    return names;
  }
}

function notFound(detail: string): ProblemException {
  return ProblemException.of(404, 'not-found', 'Not found', detail);
}
