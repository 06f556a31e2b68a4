import { Controller, Get, Header, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ProblemException, type Viewer } from '#eventsourcing';
import { Viewing } from '../shared/viewing.decorator.js';
import { CalendarFeedQueryDto, CalendarQueryDto } from './calendar.dto.js';
import { GetCalendarFeed, ListCalendar } from './calendar.queries.js';
import type { CalendarFilter } from './calendar.query.js';

@ApiTags('calendar')
@Controller('api')
export class CalendarRoute {
  constructor(private readonly queries: QueryBus) {}

  @Get('calendar')
  @ApiOperation({ summary: 'Meetings, forums and programmes, earliest first; each overlapping the range' })
  list(@Query() query: CalendarQueryDto, @Viewing() viewer: Viewer) {
    const { minPosition, asOf, sort, limit, offset } = query;
    return this.queries.execute(
      new ListCalendar({ ...filterOf(query), sort, limit, offset }, { minPosition, asOf }, viewer),
    );
  }

  @Get('calendar.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @ApiOperation({
    summary: 'The same calendar as an iCalendar feed (RFC 5545): all-day events, stable UIDs',
  })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'A VCALENDAR with one VEVENT per entry', schema: { type: 'string' } })
  feed(@Query() query: CalendarFeedQueryDto, @Viewing() viewer: Viewer) {
    const { minPosition, asOf } = query;
    return this.queries.execute(new GetCalendarFeed(filterOf(query), { minPosition, asOf }, viewer));
  }
}

function filterOf({ from, to, kind, state }: CalendarFeedQueryDto | CalendarQueryDto): CalendarFilter {
  if (from !== undefined && to !== undefined && from > to) {
    const message = 'to must not be before from';
    throw ProblemException.of(400, 'validation', 'The request is not valid', message, {
      errors: [{ field: 'to', message }],
    });
  }
  return { from, to, kind, state };
}
