import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '#event-store';
import { ProblemException, PUBLIC_VIEWER, ReadModels, type ReadOptions, type Viewer } from '#eventsourcing';
import { asOfPredicate, entityHistory } from './audit-log.js';
import {
  actorHistory,
  auditTimeline,
  type Page,
  type TimelineFilter,
  type TimeRange,
} from './audit.query.js';
import { correlationChain } from './correlation.query.js';

type Result<F extends (...args: never[]) => unknown> = NonNullable<Awaited<ReturnType<F>>>;

export class GetEntityHistory extends Query<Result<typeof entityHistory>> {
  constructor(
    readonly stream: string,
    readonly page: Page,
    readonly read: ReadOptions = {},
    readonly viewer: Viewer = PUBLIC_VIEWER,
  ) {
    super();
  }
}

export class GetCorrelationChain extends Query<Result<typeof correlationChain>> {
  constructor(
    readonly correlationId: string,
    readonly page: Page,
    readonly read: ReadOptions = {},
    readonly viewer: Viewer = PUBLIC_VIEWER,
  ) {
    super();
  }
}

export class GetActorHistory extends Query<Result<typeof actorHistory>> {
  constructor(
    readonly actorId: string,
    readonly filter: Page & TimeRange,
    readonly read: ReadOptions = {},
    readonly viewer: Viewer = PUBLIC_VIEWER,
  ) {
    super();
  }
}

export class GetAuditTimeline extends Query<ReturnType<typeof auditTimeline>> {
  constructor(
    readonly filter: TimelineFilter,
    readonly read: ReadOptions = {},
    readonly viewer: Viewer = PUBLIC_VIEWER,
  ) {
    super();
  }
}

const notFound = (detail: string) => ProblemException.of(404, 'not-found', 'Not found', detail);

/** Read straight from the store: the log itself is the entity's history, nothing to wait for. */
@QueryHandler(GetEntityHistory)
export class GetEntityHistoryHandler implements IQueryHandler<GetEntityHistory> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ stream, page, read, viewer }: GetEntityHistory) {
    const kept = read.asOf === undefined ? undefined : asOfPredicate(read.asOf);
    if (kept === null) throw invalidAsOf();
    const history = await entityHistory(this.store, stream, page, kept, viewer);
    if (!history) throw notFound(`there is no stream ${stream}${read.asOf ? ` as of ${read.asOf}` : ''}`);
    return history;
  }
}

@QueryHandler(GetCorrelationChain)
export class GetCorrelationChainHandler implements IQueryHandler<GetCorrelationChain> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ correlationId, page, read, viewer }: GetCorrelationChain) {
    const view = await this.readModels.view(read);
    const chain = correlationChain(view.db, correlationId, page, viewer);
    if (!chain) throw notFound(`no event carries the correlation id ${correlationId}`);
    return chain;
  }
}

@QueryHandler(GetActorHistory)
export class GetActorHistoryHandler implements IQueryHandler<GetActorHistory> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ actorId, filter, read, viewer }: GetActorHistory) {
    const view = await this.readModels.view(read);
    const history = actorHistory(view.db, actorId, filter, viewer);
    if (!history) throw notFound(`the log holds nothing done by ${actorId}`);
    return history;
  }
}

@QueryHandler(GetAuditTimeline)
export class GetAuditTimelineHandler implements IQueryHandler<GetAuditTimeline> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ filter, read, viewer }: GetAuditTimeline) {
    const view = await this.readModels.view(read);
    return auditTimeline(view.db, filter, viewer);
  }
}

function invalidAsOf(): ProblemException {
  const message = 'asOf must be an ISO date or time, occurred:<ISO>, or position:N';
  return ProblemException.of(400, 'validation', 'The request is not valid', message, {
    errors: [{ field: 'asOf', message }],
  });
}
