import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Viewer } from '#eventsourcing';
import { Viewing } from '../shared/viewing.decorator.js';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PageQueryDto, ReadQueryDto } from '../shared/query-params.dto.js';
import { GetDecision, ListDecisions } from './decisions.queries.js';

const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;
const SLUG_MESSAGE = '$property must be a slug (a-z, 0-9, -)';
const KINDS = ['adopted', 'agreed-to-organise', 'noted'];

class ListDecisionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'diaspora-ministerial-6' })
  @IsOptional()
  @Matches(SLUG, { message: SLUG_MESSAGE })
  meetingId?: string;

  @ApiPropertyOptional({ enum: KINDS })
  @IsOptional()
  @IsIn(KINDS)
  kind?: string;

  @ApiPropertyOptional({ example: 'UZ', description: 'An adopting state' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'state must be a two-letter state code such as AZ' })
  state?: string;

  @ApiPropertyOptional({
    example: 'turkic-world-vision-2040',
    description: 'A strategic document it cites, or a document it adopts or notes',
  })
  @IsOptional()
  @Matches(SLUG, { message: SLUG_MESSAGE })
  documentId?: string;

  @ApiPropertyOptional({
    enum: ['date', '-date'],
    default: '-date',
    description: "By the meeting's date (then in the order recorded); -date: newest meeting first",
  })
  @IsOptional()
  @IsIn(['date', '-date'])
  sort?: 'date' | '-date';
}

class DecisionParams {
  @Matches(SLUG, { message: SLUG_MESSAGE })
  meetingId: string;

  @Matches(SLUG, { message: SLUG_MESSAGE })
  decisionId: string;
}

@ApiTags('decisions')
@Controller('api/decisions')
export class DecisionsRoute {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'The decision register: decisions with their meeting, agenda item and documents' })
  list(@Query() query: ListDecisionsQueryDto, @Viewing() viewer: Viewer) {
    const { minPosition, asOf, limit, offset, meetingId, kind, state, documentId, sort } = query;
    return this.queries.execute(
      new ListDecisions(
        { meetingId, kind, state, documentId, sort, limit, offset },
        { minPosition, asOf },
        viewer,
      ),
    );
  }

  @Get(':meetingId/:decisionId')
  @ApiOperation({
    summary: 'One decision with its provenance, its corrections, what it produced and its timeline',
  })
  get(@Param() params: DecisionParams, @Query() query: ReadQueryDto, @Viewing() viewer: Viewer) {
    const { meetingId, decisionId } = params;
    return this.queries.execute(
      new GetDecision(meetingId, decisionId, { minPosition: query.minPosition, asOf: query.asOf }, viewer),
    );
  }
}
