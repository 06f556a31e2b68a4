import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ProblemException, PUBLIC_VIEWER, ReadModels, type ReadOptions, type Viewer } from '#eventsourcing';
import {
  findDecision,
  listDecisions,
  type DecisionListFilter,
  type DecisionView,
} from './decisions.query.js';

export class GetDecision extends Query<DecisionView> {
  constructor(
    readonly meetingId: string,
    readonly decisionId: string,
    readonly read: ReadOptions = {},
    readonly viewer: Viewer = PUBLIC_VIEWER,
  ) {
    super();
  }
}

export class ListDecisions extends Query<ReturnType<typeof listDecisions>> {
  constructor(
    readonly filter: DecisionListFilter,
    readonly read: ReadOptions = {},
    readonly viewer: Viewer = PUBLIC_VIEWER,
  ) {
    super();
  }
}

@QueryHandler(GetDecision)
export class GetDecisionHandler implements IQueryHandler<GetDecision> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ meetingId, decisionId, read, viewer }: GetDecision): Promise<DecisionView> {
    const view = await this.readModels.view(read);
    const decision = findDecision(view.db, meetingId, decisionId, viewer);
    if (!decision) {
      throw ProblemException.of(
        404,
        'not-found',
        'Not found',
        `meeting ${meetingId} has no decision ${decisionId}`,
        { rule: 'decision.not-found' },
      );
    }
    return decision;
  }
}

@QueryHandler(ListDecisions)
export class ListDecisionsHandler implements IQueryHandler<ListDecisions> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ filter, read, viewer }: ListDecisions) {
    const view = await this.readModels.view(read);
    return listDecisions(view.db, filter, viewer);
  }
}
