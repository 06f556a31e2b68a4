import { Module } from '@nestjs/common';
import { GetStateParticipationHandler, ListStateParticipationHandler } from './participation.queries.js';
import { ParticipationRoute } from './participation.route.js';

@Module({
  controllers: [ParticipationRoute],
  providers: [GetStateParticipationHandler, ListStateParticipationHandler],
})
export class ParticipationModule {}
