import { Module } from '@nestjs/common';
import { AccreditDelegationHandler } from './accredit-delegation/accredit-delegation.handler.js';
import { AccreditDelegationRoute } from './accredit-delegation/accredit-delegation.route.js';
import { CloseMeetingHandler } from './close-meeting/close-meeting.handler.js';
import { CloseMeetingRoute } from './close-meeting/close-meeting.route.js';
import { ConveneMeetingHandler } from './convene-meeting/convene-meeting.handler.js';
import { ConveneMeetingRoute } from './convene-meeting/convene-meeting.route.js';
import { RecordDecisionHandler } from './record-decision/record-decision.handler.js';
import { RecordDecisionRoute } from './record-decision/record-decision.route.js';
import { ScheduleMeetingHandler } from './schedule-meeting/schedule-meeting.handler.js';
import { ScheduleMeetingRoute } from './schedule-meeting/schedule-meeting.route.js';

/** The Meeting slices: one folder per command. */
@Module({
  controllers: [
    ScheduleMeetingRoute,
    AccreditDelegationRoute,
    ConveneMeetingRoute,
    RecordDecisionRoute,
    CloseMeetingRoute,
  ],
  providers: [
    ScheduleMeetingHandler,
    AccreditDelegationHandler,
    ConveneMeetingHandler,
    RecordDecisionHandler,
    CloseMeetingHandler,
  ],
})
export class MeetingsModule {}
