import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Viewer } from '#eventsourcing';
import { Viewing } from '../shared/viewing.decorator.js';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PageQueryDto, ReadQueryDto } from '../shared/query-params.dto.js';
import { GetStateParticipation, ListStateParticipation } from './participation.queries.js';

class ListStatesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['member', 'observer'] })
  @IsOptional()
  @IsIn(['member', 'observer'])
  membership?: string;
}

class StateCodeParam {
  @Matches(/^[A-Z]{2}$/, { message: 'code must be two capital letters (an ISO code, or XC)' })
  code: string;
}

@ApiTags('states')
@Controller('api/states')
export class ParticipationRoute {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Member and observer states with the totals of their participation, by code' })
  list(@Query() query: ListStatesQueryDto, @Viewing() viewer: Viewer) {
    const { minPosition, asOf, limit, offset, membership } = query;
    return this.queries.execute(
      new ListStateParticipation({ membership, limit, offset }, { minPosition, asOf }, viewer),
    );
  }

  @Get(':code')
  @ApiOperation({
    summary:
      "One state's participation: meetings attended and hosted, activities led and taken part in, protocols signed, decisions adopted",
  })
  get(@Param() params: StateCodeParam, @Query() query: ReadQueryDto, @Viewing() viewer: Viewer) {
    const { minPosition, asOf } = query;
    return this.queries.execute(new GetStateParticipation(params.code, { minPosition, asOf }, viewer));
  }
}
