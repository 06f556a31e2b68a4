import { Module } from '@nestjs/common';
import { GetStrategicDocumentHandler, ListStrategicDocumentsHandler } from './strategic-documents.queries.js';
import { StrategicDocumentsRoute } from './strategic-documents.route.js';

@Module({
  controllers: [StrategicDocumentsRoute],
  providers: [GetStrategicDocumentHandler, ListStrategicDocumentsHandler],
})
export class StrategicDocumentsModule {}
