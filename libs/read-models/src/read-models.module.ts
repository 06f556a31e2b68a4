import { Module } from '@nestjs/common';
import { PlanImplementationModule } from './plan-implementation/plan-implementation.module.js';
import { ParticipationModule } from './participation/participation.module.js';
import { AuditModule } from './audit/audit.module.js';
import { DecisionsModule } from './decisions/decisions.module.js';
import { StrategicDocumentsModule } from './strategic-documents/strategic-documents.module.js';
import { CalendarModule } from './calendar/calendar.module.js';
import { ProtocolsModule } from './protocols/protocols.module.js';
import { ReportsModule } from './reports/reports.module.js';

/** Every read model's queries and routes. */
@Module({
  imports: [
    PlanImplementationModule,
    ParticipationModule,
    AuditModule,
    DecisionsModule,
    StrategicDocumentsModule,
    ProtocolsModule,
    CalendarModule,
    ReportsModule,
  ],
})
export class ReadModelsModule {}
