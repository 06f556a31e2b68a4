import { Module } from '@nestjs/common';
import { GetCalendarFeedHandler, ListCalendarHandler } from './calendar.queries.js';
import { CalendarRoute } from './calendar.route.js';

@Module({ controllers: [CalendarRoute], providers: [ListCalendarHandler, GetCalendarFeedHandler] })
export class CalendarModule {}
