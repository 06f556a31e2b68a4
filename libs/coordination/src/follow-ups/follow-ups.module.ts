import { Module } from '@nestjs/common';
import { AssignFollowUpHandler } from './assign-follow-up/assign-follow-up.handler.js';
import { AssignFollowUpRoute } from './assign-follow-up/assign-follow-up.route.js';
import { ScheduleReviewHandler } from './schedule-review/schedule-review.handler.js';
import { ScheduleReviewRoute } from './schedule-review/schedule-review.route.js';
import { UpdateImplementationStatusHandler } from './update-implementation-status/update-implementation-status.handler.js';
import { UpdateImplementationStatusRoute } from './update-implementation-status/update-implementation-status.route.js';

/** The FollowUp slices: one folder per command. */
@Module({
  controllers: [AssignFollowUpRoute, UpdateImplementationStatusRoute, ScheduleReviewRoute],
  providers: [AssignFollowUpHandler, UpdateImplementationStatusHandler, ScheduleReviewHandler],
})
export class FollowUpsModule {}
