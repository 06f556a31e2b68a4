import { Module } from '@nestjs/common';
import { GetDecisionHandler, ListDecisionsHandler } from './decisions.queries.js';
import { DecisionsRoute } from './decisions.route.js';

@Module({ controllers: [DecisionsRoute], providers: [GetDecisionHandler, ListDecisionsHandler] })
export class DecisionsModule {}
