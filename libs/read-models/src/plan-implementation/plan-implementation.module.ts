import { Module } from '@nestjs/common';
import { GetPlanHandler, ListPlansHandler } from './plan-implementation.queries.js';
import { PlanImplementationRoute } from './plan-implementation.route.js';

@Module({ controllers: [PlanImplementationRoute], providers: [GetPlanHandler, ListPlansHandler] })
export class PlanImplementationModule {}
