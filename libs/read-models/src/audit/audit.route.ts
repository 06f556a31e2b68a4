import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Viewer } from '#eventsourcing';
import { Viewing } from '../shared/viewing.decorator.js';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { PageQueryDto } from '../shared/query-params.dto.js';
import {
  ActorParam,
  CorrelationParam,
  StreamParam,
  TimelineQueryDto,
  TimeRangeQueryDto,
} from './audit.dto.js';
import { GetActorHistory, GetAuditTimeline, GetCorrelationChain, GetEntityHistory } from './audit.queries.js';
import { GetRowProvenance } from './row-provenance.queries.js';
import { rowParams } from './row-params.js';

@ApiTags('audit')
@Controller('api/audit')
export class AuditRoute {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'Recent events across the log, newest first, by actor, type, stream and recorded time',
  })
  timeline(@Query() query: TimelineQueryDto, @Viewing() viewer: Viewer) {
    const { minPosition, asOf, ...filter } = query;
    return this.queries.execute(new GetAuditTimeline(filter, { minPosition, asOf }, viewer));
  }

  @Get('entities/:stream')
  @ApiOperation({
    summary: "An entity's history: every event of its stream with its whole envelope, from the store",
  })
  entity(@Param() params: StreamParam, @Query() query: PageQueryDto, @Viewing() viewer: Viewer) {
    const { minPosition, asOf, limit, offset } = query;
    return this.queries.execute(
      new GetEntityHistory(params.stream, { limit, offset }, { minPosition, asOf }, viewer),
    );
  }

  @Get('correlations/:correlationId')
  @ApiOperation({ summary: 'Every event sharing a correlation id, oldest first, with who caused what' })
  correlation(@Param() params: CorrelationParam, @Query() query: PageQueryDto, @Viewing() viewer: Viewer) {
    const { minPosition, asOf, limit, offset } = query;
    return this.queries.execute(
      new GetCorrelationChain(params.correlationId, { limit, offset }, { minPosition, asOf }, viewer),
    );
  }

  @Get('actors/:actorId')
  @ApiOperation({ summary: 'What an actor did, newest first, with a summary' })
  actor(@Param() params: ActorParam, @Query() query: TimeRangeQueryDto, @Viewing() viewer: Viewer) {
    const { minPosition, asOf, ...filter } = query;
    return this.queries.execute(new GetActorHistory(params.actorId, filter, { minPosition, asOf }, viewer));
  }

  @Get('rows/:projection/*')
  @ApiOperation({
    summary:
      'The events that produced a read-model row (e.g. plan-implementation, diaspora-2025/youth-forum)',
  })
  @ApiParam({ name: 'projection', example: 'plan-implementation' })
  // Swagger names the wildcard `path`: it is the row key, slashes included.
  @ApiParam({
    name: 'path',
    description: 'The row key, which may hold slashes',
    example: 'diaspora-2025/diaspora-youth-forum-2025',
  })
  row(@Param() params: Record<string, unknown>, @Query() query: PageQueryDto, @Viewing() viewer: Viewer) {
    const { projection, rowKey } = rowParams(params);
    const { minPosition, asOf, limit, offset } = query;
    return this.queries.execute(
      new GetRowProvenance(projection, rowKey, { limit, offset }, { minPosition, asOf }, viewer),
    );
  }
}
