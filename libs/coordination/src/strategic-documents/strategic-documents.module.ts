import { Module } from '@nestjs/common';
import { RegisterStrategicDocumentHandler } from './register-strategic-document/register-strategic-document.handler.js';
import { RegisterStrategicDocumentRoute } from './register-strategic-document/register-strategic-document.route.js';

/** The StrategicDocument slice. */
@Module({
  controllers: [RegisterStrategicDocumentRoute],
  providers: [RegisterStrategicDocumentHandler],
})
export class StrategicDocumentsModule {}
