import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import { PageQueryDto, ReadQueryDto } from '../shared/query-params.dto.js';

/** `meeting`, or one of the activity kinds of the event catalogue. */
export const CALENDAR_KINDS = [
  'meeting',
  'forum',
  'exchange-programme',
  'training-programme',
  'internship',
  'meeting-round',
  'other',
] as const;

const Day = (description: string, example: string) =>
  applyDecorators(
    ApiPropertyOptional({ description, example, format: 'date' }),
    IsOptional(),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { message: '$property must be a date YYYY-MM-DD' }),
  );

const Kind = () =>
  applyDecorators(
    ApiPropertyOptional({ enum: CALENDAR_KINDS, description: '`meeting` or an activity kind' }),
    IsOptional(),
    IsIn(CALENDAR_KINDS),
  );

const State = () =>
  applyDecorators(
    ApiPropertyOptional({ example: 'UZ', description: 'Entries this state hosts, leads or takes part in' }),
    IsOptional(),
    Matches(/^[A-Z]{2}$/, { message: '$property must be a state code such as UZ' }),
  );

const FROM = 'Entries that end on or after this day (an entry is in the range when it overlaps it)';
const TO = 'Entries that start on or before this day';

/** The filters of the iCalendar feed: every entry they select, earliest first. */
export class CalendarFeedQueryDto extends ReadQueryDto {
  @Day(FROM, '2025-01-01')
  from?: string;

  @Day(TO, '2025-12-31')
  to?: string;

  @Kind()
  kind?: string;

  @State()
  state?: string;
}

export class CalendarQueryDto extends PageQueryDto {
  @Day(FROM, '2025-01-01')
  from?: string;

  @Day(TO, '2025-12-31')
  to?: string;

  @Kind()
  kind?: string;

  @State()
  state?: string;

  @ApiPropertyOptional({ enum: ['start', '-start'], default: 'start', description: '`-start`: latest first' })
  @IsOptional()
  @IsIn(['start', '-start'])
  sort: 'start' | '-start' = 'start';
}
