import { Module } from '@nestjs/common';
import { AddActivityToPlanHandler } from './add-activity-to-plan/add-activity-to-plan.handler.js';
import { AddActivityToPlanRoute } from './add-activity-to-plan/add-activity-to-plan.route.js';
import { AdoptPlanHandler } from './adopt-plan/adopt-plan.handler.js';
import { AdoptPlanRoute } from './adopt-plan/adopt-plan.route.js';
import { AmendPlanHandler } from './amend-plan/amend-plan.handler.js';
import { AmendPlanRoute } from './amend-plan/amend-plan.route.js';
import { ClosePlanHandler } from './close-plan/close-plan.handler.js';
import { ClosePlanRoute } from './close-plan/close-plan.route.js';
import { DraftPlanHandler } from './draft-plan/draft-plan.handler.js';
import { DraftPlanRoute } from './draft-plan/draft-plan.route.js';

/** The JointActivityPlan slices: one folder per command. */
@Module({
  controllers: [DraftPlanRoute, AddActivityToPlanRoute, AdoptPlanRoute, AmendPlanRoute, ClosePlanRoute],
  providers: [
    DraftPlanHandler,
    AddActivityToPlanHandler,
    AdoptPlanHandler,
    AmendPlanHandler,
    ClosePlanHandler,
  ],
})
export class PlansModule {}
