import { Module } from '@nestjs/common';
import { DefineMeetingSeriesHandler } from './define-meeting-series/define-meeting-series.handler.js';
import { DefineMeetingSeriesRoute } from './define-meeting-series/define-meeting-series.route.js';
import { NumberMeetingHandler } from './number-meeting/number-meeting.handler.js';
import { NumberMeetingRoute } from './number-meeting/number-meeting.route.js';

/** The MeetingSeries slices: one folder per command. */
@Module({
  controllers: [DefineMeetingSeriesRoute, NumberMeetingRoute],
  providers: [DefineMeetingSeriesHandler, NumberMeetingHandler],
})
export class MeetingSeriesModule {}
