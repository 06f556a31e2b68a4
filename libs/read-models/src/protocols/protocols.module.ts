import { Module } from '@nestjs/common';
import { GetProtocolHandler, GetProtocolMatrixHandler, ListProtocolsHandler } from './protocols.queries.js';
import { ProtocolsRoute } from './protocols.route.js';

@Module({
  controllers: [ProtocolsRoute],
  providers: [GetProtocolHandler, ListProtocolsHandler, GetProtocolMatrixHandler],
})
export class ProtocolsModule {}
