import { Module } from '@nestjs/common';
import { ProcessManagersModule } from '#eventsourcing';
import { ActivitiesModule } from './activities/activities.module.js';
import { FollowUpsModule } from './follow-ups/follow-ups.module.js';
import { InstitutionsModule } from './institutions/institutions.module.js';
import { MeetingSeriesModule } from './meeting-series/meeting-series.module.js';
import { MeetingsModule } from './meetings/meetings.module.js';
import { PlansModule } from './plans/plans.module.js';
import { decisionFollowThrough } from './processes/decision-follow-through.process.js';
import { ProtocolsModule } from './protocols/protocols.module.js';
import { StatesModule } from './states/states.module.js';
import { StrategicDocumentsModule } from './strategic-documents/strategic-documents.module.js';

/** Every command slice of the OTS coordination domain, and the processes that follow decisions through. */
@Module({
  imports: [
    StatesModule,
    InstitutionsModule,
    MeetingSeriesModule,
    StrategicDocumentsModule,
    MeetingsModule,
    PlansModule,
    ActivitiesModule,
    ProtocolsModule,
    FollowUpsModule,
    ProcessManagersModule.forRoot([decisionFollowThrough]),
  ],
})
export class CoordinationModule {}
