import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { PUBLIC_VIEWER, ReadModels, type ReadOptions, type Viewer } from '#eventsourcing';
import { renderICalendar } from './calendar.ics.js';
import {
  calendarFeed,
  listCalendar,
  type CalendarFilter,
  type CalendarPage,
  type CalendarPageFilter,
} from './calendar.query.js';

export class ListCalendar extends Query<CalendarPage> {
  constructor(
    readonly filter: CalendarPageFilter,
    readonly read: ReadOptions = {},
    readonly viewer: Viewer = PUBLIC_VIEWER,
  ) {
    super();
  }
}

/** The iCalendar text (RFC 5545) of every entry the filter selects. */
export class GetCalendarFeed extends Query<string> {
  constructor(
    readonly filter: CalendarFilter,
    readonly read: ReadOptions = {},
    readonly viewer: Viewer = PUBLIC_VIEWER,
  ) {
    super();
  }
}

@QueryHandler(ListCalendar)
export class ListCalendarHandler implements IQueryHandler<ListCalendar> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ filter, read, viewer }: ListCalendar): Promise<CalendarPage> {
    const view = await this.readModels.view(read);
    return listCalendar(view.db, filter, viewer);
  }
}

@QueryHandler(GetCalendarFeed)
export class GetCalendarFeedHandler implements IQueryHandler<GetCalendarFeed> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ filter, read, viewer }: GetCalendarFeed): Promise<string> {
    const view = await this.readModels.view(read);
    return renderICalendar(calendarFeed(view.db, filter, viewer));
  }
}
