import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '#event-store';
import {
  EVENT_SOURCING_OPTIONS,
  canSee,
  ProblemException,
  provenanceOf,
  PUBLIC_VIEWER,
  ReadModels,
  type EventSourcingOptions,
  type ReadOptions,
  type Viewer,
} from '#eventsourcing';
import { eventsAt, toAuditedEvent, type AuditedEvent } from './audit-log.js';
import type { Page } from './audit.query.js';

export interface RowProvenance {
  readonly projection: string;
  readonly rowKey: string;
  /** The events that produced the row, oldest first. */
  readonly items: AuditedEvent[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

/** "Why does this row say what it says?": the events that produced a read-model row. */
export class GetRowProvenance extends Query<RowProvenance> {
  constructor(
    readonly projection: string,
    readonly rowKey: string,
    readonly page: Page,
    readonly read: ReadOptions = {},
    readonly viewer: Viewer = PUBLIC_VIEWER,
  ) {
    super();
  }
}

@QueryHandler(GetRowProvenance)
export class GetRowProvenanceHandler implements IQueryHandler<GetRowProvenance> {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_SOURCING_OPTIONS) private readonly options: EventSourcingOptions,
  ) {}

  async execute({ projection, rowKey, page, read, viewer }: GetRowProvenance): Promise<RowProvenance> {
    const known = this.options.projections.find((p) => p.name === projection);
    if (!known) throw notFound(`there is no read model ${projection}`);
    if (!known.rowsOf) throw notFound(`the read model ${projection} keeps no provenance of its rows`);
    const view = await this.readModels.view(read);
    const positions = provenanceOf(view.db, projection, rowKey);
    // Only the events the viewer may see; a row none of whose events it may see is no row for it.
    const visible = viewer.all
      ? positions
      : (await eventsAt(this.store, positions)).filter((e) => canSee(viewer, e)).map((e) => e.position);
    if (visible.length === 0) throw notFound(`the read model ${projection} has no row ${rowKey}`);
    const events = await eventsAt(this.store, visible.slice(page.offset, page.offset + page.limit));
    return {
      projection,
      rowKey,
      items: events.map(toAuditedEvent),
      total: visible.length,
      limit: page.limit,
      offset: page.offset,
    };
  }
}

const notFound = (detail: string) => ProblemException.of(404, 'not-found', 'Not found', detail);
