import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ProblemException, PUBLIC_VIEWER, ReadModels, type ReadOptions, type Viewer } from '#eventsourcing';
import { findPlan, listPlans, type PlanListFilter, type PlanView } from './plan-implementation.query.js';

export class GetPlan extends Query<PlanView> {
  constructor(
    readonly planId: string,
    readonly read: ReadOptions = {},
    readonly viewer: Viewer = PUBLIC_VIEWER,
  ) {
    super();
  }
}

export class ListPlans extends Query<ReturnType<typeof listPlans>> {
  constructor(
    readonly filter: PlanListFilter,
    readonly read: ReadOptions = {},
    readonly viewer: Viewer = PUBLIC_VIEWER,
  ) {
    super();
  }
}

@QueryHandler(GetPlan)
export class GetPlanHandler implements IQueryHandler<GetPlan> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ planId, read, viewer }: GetPlan): Promise<PlanView> {
    const view = await this.readModels.view(read);
    const plan = findPlan(view.db, planId, view.today, viewer);
    if (!plan) throw ProblemException.of(404, 'not-found', 'Not found', `there is no plan ${planId}`);
    return plan;
  }
}

@QueryHandler(ListPlans)
export class ListPlansHandler implements IQueryHandler<ListPlans> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ filter, read, viewer }: ListPlans) {
    const view = await this.readModels.view(read);
    return listPlans(view.db, filter, viewer);
  }
}
