import { Module } from '@nestjs/common';
import { AccreditDelegationHandler } from './accredit-delegation/accredit-delegation.handler.js';
import { AccreditDelegationRoute } from './accredit-delegation/accredit-delegation.route.js';
import { AddAgendaItemHandler } from './add-agenda-item/add-agenda-item.handler.js';
import { AddAgendaItemRoute } from './add-agenda-item/add-agenda-item.route.js';
import { CloseMeetingHandler } from './close-meeting/close-meeting.handler.js';
import { CloseMeetingRoute } from './close-meeting/close-meeting.route.js';
import { ConveneMeetingHandler } from './convene-meeting/convene-meeting.handler.js';
import { ConveneMeetingRoute } from './convene-meeting/convene-meeting.route.js';
import { CorrectRecordHandler } from './correct-record/correct-record.handler.js';
import { CorrectRecordRoute } from './correct-record/correct-record.route.js';
import { RecordBilateralMeetingHandler } from './record-bilateral-meeting/record-bilateral-meeting.handler.js';
import { RecordBilateralMeetingRoute } from './record-bilateral-meeting/record-bilateral-meeting.route.js';
import { RecordBriefingHandler } from './record-briefing/record-briefing.handler.js';
import { RecordBriefingRoute } from './record-briefing/record-briefing.route.js';
import { RecordDecisionHandler } from './record-decision/record-decision.handler.js';
import { RecordDecisionRoute } from './record-decision/record-decision.route.js';
import { ScheduleMeetingHandler } from './schedule-meeting/schedule-meeting.handler.js';
import { ScheduleMeetingRoute } from './schedule-meeting/schedule-meeting.route.js';

/** The Meeting slices: one folder per command. */
@Module({
  controllers: [
    ScheduleMeetingRoute,
    AddAgendaItemRoute,
    AccreditDelegationRoute,
    ConveneMeetingRoute,
    RecordDecisionRoute,
    RecordBriefingRoute,
    RecordBilateralMeetingRoute,
    CloseMeetingRoute,
    CorrectRecordRoute,
  ],
  providers: [
    ScheduleMeetingHandler,
    AddAgendaItemHandler,
    AccreditDelegationHandler,
    ConveneMeetingHandler,
    RecordDecisionHandler,
    RecordBriefingHandler,
    RecordBilateralMeetingHandler,
    CloseMeetingHandler,
    CorrectRecordHandler,
  ],
})
export class MeetingsModule {}
