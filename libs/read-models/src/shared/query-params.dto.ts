import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { AS_OF_PATTERN } from '#eventsourcing';

/** `minPosition`: wait until the read models have applied the log up to this position. */
export class ReadQueryDto {
  @ApiPropertyOptional({
    description: "Wait until the read models include this global position (a command reply's `position`)",
    example: 42,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  minPosition?: number;

  @ApiPropertyOptional({
    description:
      'The view as it stood then: an ISO date or time (what was recorded by then), occurred:<ISO> (what had happened by then, as known now), or position:N',
    example: '2025-12-31',
  })
  @IsOptional()
  @Matches(AS_OF_PATTERN, {
    message: 'asOf must be an ISO date or time, occurred:<ISO date or time>, or position:N',
  })
  asOf?: string;
}

export class PageQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 50;

  @ApiPropertyOptional({ default: 0, minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset: number = 0;
}
