import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import type { Viewer } from '#eventsourcing';
import { PageQueryDto, ReadQueryDto } from '../shared/query-params.dto.js';
import { Viewing } from '../shared/viewing.decorator.js';
import { MATRIX_STATUSES, type MatrixStatus } from './protocol-matrix.query.js';
import { GetProtocol, GetProtocolMatrix, ListProtocols } from './protocols.queries.js';
import {
  PROTOCOL_SORTS,
  PROTOCOL_STATUSES,
  type ProtocolSort,
  type ProtocolStatus,
} from './protocols.query.js';

const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;
const SLUG_MESSAGE = '$property must be a slug (a-z, 0-9, -)';

class ListProtocolsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'UZ', description: 'Protocols with a party of this state' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'state must be a two-letter state code such as UZ' })
  state?: string;

  @ApiPropertyOptional({ enum: PROTOCOL_STATUSES })
  @IsOptional()
  @IsIn(PROTOCOL_STATUSES)
  status?: ProtocolStatus;

  @ApiPropertyOptional({
    example: 'diaspora-ministerial-6',
    description: 'Protocols signed on the margins of this meeting',
  })
  @IsOptional()
  @Matches(SLUG, { message: SLUG_MESSAGE })
  meetingId?: string;

  @ApiPropertyOptional({
    enum: PROTOCOL_SORTS,
    default: '-signedOn',
    description: 'By the day of the last signature (protocols not yet signed last) or by English title',
  })
  @IsOptional()
  @IsIn(PROTOCOL_SORTS)
  sort: ProtocolSort = '-signedOn';
}

class ProtocolMatrixQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({
    enum: MATRIX_STATUSES,
    default: 'signed',
    description:
      'signed: signed by every party and not terminated (in force or not); in-force: in force; all: every protocol',
  })
  @IsOptional()
  @IsIn(MATRIX_STATUSES)
  status: MatrixStatus = 'signed';
}

class ProtocolIdParam {
  @Matches(SLUG, { message: 'id must be a slug (a-z, 0-9, -)' })
  id: string;
}

@ApiTags('protocols')
@Controller('api/protocols')
export class ProtocolsRoute {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Cooperation protocols with their parties and signatures' })
  list(@Query() query: ListProtocolsQueryDto, @Viewing() viewer: Viewer) {
    const { minPosition, asOf, limit, offset, state, status, meetingId, sort } = query;
    return this.queries.execute(
      new ListProtocols({ state, status, meetingId, sort, limit, offset }, { minPosition, asOf }, viewer),
    );
  }

  // Before ':id', so that "matrix" is never taken for a protocol's id.
  @Get('matrix')
  @ApiOperation({
    summary:
      'State × state: how many protocols each pair of states has; a multilateral one counts for every pair',
  })
  matrix(@Query() query: ProtocolMatrixQueryDto, @Viewing() viewer: Viewer) {
    const { minPosition, asOf, status } = query;
    return this.queries.execute(new GetProtocolMatrix(status, { minPosition, asOf }, viewer));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One protocol: parties as named at the time, signatories, signatures, its life' })
  get(@Param() params: ProtocolIdParam, @Query() query: ReadQueryDto, @Viewing() viewer: Viewer) {
    return this.queries.execute(
      new GetProtocol(params.id, { minPosition: query.minPosition, asOf: query.asOf }, viewer),
    );
  }
}
