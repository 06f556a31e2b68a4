import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';
import { PageQueryDto } from '../shared/query-params.dto.js';

const TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const TIME_MESSAGE = 'must be an ISO date (YYYY-MM-DD) or an ISO time with its offset';
/** Ids as commands carry them (Idempotency-Key, X-Correlation-Id) and actors as the engine names them. */
export const ID = /^[A-Za-z0-9._:@-]{1,128}$/;
export const STREAM = /^[A-Za-z0-9._:@-]{1,200}$/;

/** `from` and `to` bound the recorded time; a day alone means from its start, or to its end (UTC). */
export class TimeRangeQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Recorded at or after (ISO date or time)', example: '2025-01-01' })
  @IsOptional()
  @Matches(TIME, { message: `from ${TIME_MESSAGE}` })
  @IsISO8601({ strict: true }, { message: `from ${TIME_MESSAGE}` })
  from?: string;

  @ApiPropertyOptional({ description: 'Recorded at or before (ISO date or time)', example: '2025-12-31' })
  @IsOptional()
  @Matches(TIME, { message: `to ${TIME_MESSAGE}` })
  @IsISO8601({ strict: true }, { message: `to ${TIME_MESSAGE}` })
  to?: string;
}

export class TimelineQueryDto extends TimeRangeQueryDto {
  @ApiPropertyOptional({ example: 'local-operator' })
  @IsOptional()
  @Matches(ID, { message: 'actor must be an actor id' })
  actor?: string;

  @ApiPropertyOptional({ example: 'PlanAdopted' })
  @IsOptional()
  @Matches(/^[A-Za-z][A-Za-z0-9.]{0,99}$/, { message: 'type must be an event type such as PlanAdopted' })
  type?: string;

  @ApiPropertyOptional({ example: 'plan-diaspora-2025' })
  @IsOptional()
  @Matches(STREAM, { message: 'stream must be a stream name such as plan-diaspora-2025' })
  stream?: string;
}

export class StreamParam {
  @Matches(STREAM, { message: 'stream must be a stream name such as plan-diaspora-2025' })
  stream: string;
}

export class CorrelationParam {
  @Matches(ID, { message: 'correlationId must be 1-128 characters of A-Z a-z 0-9 . _ : @ -' })
  correlationId: string;
}

export class ActorParam {
  @Matches(ID, { message: 'actorId must be 1-128 characters of A-Z a-z 0-9 . _ : @ -' })
  actorId: string;
}
