import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import type { Viewer } from '#eventsourcing';
import { PageQueryDto, ReadQueryDto } from '../shared/query-params.dto.js';
import { Viewing } from '../shared/viewing.decorator.js';
import { GetPlan, ListPlans } from './plan-implementation.queries.js';

class ListPlansQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'diaspora-ministerial' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  seriesId?: string;

  @ApiPropertyOptional({ example: 2025 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1991)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ enum: ['drafted', 'adopted', 'closed'] })
  @IsOptional()
  @IsIn(['drafted', 'adopted', 'closed'])
  status?: string;
}

class PlanIdParam {
  @Matches(/^[a-z0-9][a-z0-9-]{0,99}$/, { message: 'id must be a slug (a-z, 0-9, -)' })
  id: string;
}

@ApiTags('plans')
@Controller('api/plans')
export class PlanImplementationRoute {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Joint activity plans, newest year first' })
  list(@Query() query: ListPlansQueryDto, @Viewing() viewer: Viewer) {
    const { minPosition, asOf, limit, offset, seriesId, year, status } = query;
    return this.queries.execute(
      new ListPlans({ seriesId, year, status, limit, offset }, { minPosition, asOf }, viewer),
    );
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One plan with the implementation of its activities, rolled up by state and kind',
  })
  get(@Param() params: PlanIdParam, @Query() query: ReadQueryDto, @Viewing() viewer: Viewer) {
    return this.queries.execute(
      new GetPlan(params.id, { minPosition: query.minPosition, asOf: query.asOf }, viewer),
    );
  }
}
