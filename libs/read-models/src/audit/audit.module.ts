import { Module } from '@nestjs/common';
import {
  GetActorHistoryHandler,
  GetAuditTimelineHandler,
  GetCorrelationChainHandler,
  GetEntityHistoryHandler,
} from './audit.queries.js';
import { AuditRoute } from './audit.route.js';
import { GetRowProvenanceHandler } from './row-provenance.queries.js';

@Module({
  controllers: [AuditRoute],
  providers: [
    GetEntityHistoryHandler,
    GetCorrelationChainHandler,
    GetActorHistoryHandler,
    GetAuditTimelineHandler,
    GetRowProvenanceHandler,
  ],
})
export class AuditModule {}
