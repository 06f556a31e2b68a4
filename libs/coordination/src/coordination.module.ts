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
import { EventSchemasModule } from './schemas/event-schemas.module.js';
import { StatesModule } from './states/states.module.js';
import { StrategicDocumentsModule } from './strategic-documents/strategic-documents.module.js';

/**
 * Every command slice of the OTS coordination domain, the processes that follow decisions through,
 * and the domain's upcasters (EventSchemasModule), so the engine reads every event at its current version.
 */
@Module({
  imports: [
    EventSchemasModule,
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
