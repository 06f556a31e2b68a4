import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CLOCK, ProblemException, ReadModels } from '#eventsourcing';
import { findPlan, listPlans, type PlanListFilter, type PlanView } from './plan-implementation.query.js';

export class GetPlan extends Query<PlanView> {
  constructor(
    readonly planId: string,
    readonly minPosition?: number,
  ) {
    super();
  }
}

export class ListPlans extends Query<ReturnType<typeof listPlans>> {
  constructor(
    readonly filter: PlanListFilter,
    readonly minPosition?: number,
  ) {
    super();
  }
}

@QueryHandler(GetPlan)
export class GetPlanHandler implements IQueryHandler<GetPlan> {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  async execute({ planId, minPosition }: GetPlan): Promise<PlanView> {
    await this.readModels.caughtUp(minPosition);
    const plan = findPlan(this.readModels.db, planId, this.clock().toISOString().slice(0, 10));
    if (!plan) throw ProblemException.of(404, 'not-found', 'Not found', `there is no plan ${planId}`);
    return plan;
  }
}

@QueryHandler(ListPlans)
export class ListPlansHandler implements IQueryHandler<ListPlans> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ filter, minPosition }: ListPlans) {
    await this.readModels.caughtUp(minPosition);
    return listPlans(this.readModels.db, filter);
  }
}
