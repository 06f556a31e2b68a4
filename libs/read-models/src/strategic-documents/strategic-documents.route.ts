import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Viewer } from '#eventsourcing';
import { Viewing } from '../shared/viewing.decorator.js';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PageQueryDto, ReadQueryDto } from '../shared/query-params.dto.js';
import { GetStrategicDocument, ListStrategicDocuments } from './strategic-documents.queries.js';

const KINDS = ['vision', 'strategy', 'declaration', 'other'];

class ListStrategicDocumentsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: KINDS })
  @IsOptional()
  @IsIn(KINDS)
  kind?: string;
}

class StrategicDocumentIdParam {
  @Matches(/^[a-z0-9][a-z0-9-]{0,99}$/, { message: 'id must be a slug (a-z, 0-9, -)' })
  id: string;
}

@ApiTags('strategic-documents')
@Controller('api/strategic-documents')
export class StrategicDocumentsRoute {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'Strategic documents, oldest first, with how many decisions and briefings cite each',
  })
  list(@Query() query: ListStrategicDocumentsQueryDto, @Viewing() viewer: Viewer) {
    const { minPosition, asOf, limit, offset, kind } = query;
    return this.queries.execute(
      new ListStrategicDocuments({ kind, limit, offset }, { minPosition, asOf }, viewer),
    );
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One strategic document with the decisions and briefings of meetings that cite it',
  })
  get(@Param() params: StrategicDocumentIdParam, @Query() query: ReadQueryDto, @Viewing() viewer: Viewer) {
    return this.queries.execute(
      new GetStrategicDocument(params.id, { minPosition: query.minPosition, asOf: query.asOf }, viewer),
    );
  }
}
