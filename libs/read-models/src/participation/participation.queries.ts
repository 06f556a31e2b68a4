import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ProblemException, PUBLIC_VIEWER, ReadModels, type ReadOptions, type Viewer } from '#eventsourcing';
import {
  findStateParticipation,
  listStateParticipation,
  type StateListFilter,
  type StateParticipation,
} from './participation.query.js';

export class GetStateParticipation extends Query<StateParticipation> {
  constructor(
    readonly code: string,
    readonly read: ReadOptions = {},
    readonly viewer: Viewer = PUBLIC_VIEWER,
  ) {
    super();
  }
}

export class ListStateParticipation extends Query<ReturnType<typeof listStateParticipation>> {
  constructor(
    readonly filter: StateListFilter,
    readonly read: ReadOptions = {},
    readonly viewer: Viewer = PUBLIC_VIEWER,
  ) {
    super();
  }
}

@QueryHandler(GetStateParticipation)
export class GetStateParticipationHandler implements IQueryHandler<GetStateParticipation> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ code, read, viewer }: GetStateParticipation): Promise<StateParticipation> {
    const view = await this.readModels.view(read);
    const state = findStateParticipation(view.db, code, viewer);
    if (!state) throw ProblemException.of(404, 'not-found', 'Not found', `there is no state ${code}`);
    return state;
  }
}

@QueryHandler(ListStateParticipation)
export class ListStateParticipationHandler implements IQueryHandler<ListStateParticipation> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ filter, read, viewer }: ListStateParticipation) {
    const view = await this.readModels.view(read);
    return listStateParticipation(view.db, filter, viewer);
  }
}
