import { Module } from '@nestjs/common';
import { CancelActivityHandler } from './cancel-activity/cancel-activity.handler.js';
import { CancelActivityRoute } from './cancel-activity/cancel-activity.route.js';
import { CompleteActivityHandler } from './complete-activity/complete-activity.handler.js';
import { CompleteActivityRoute } from './complete-activity/complete-activity.route.js';
import { PostponeActivityHandler } from './postpone-activity/postpone-activity.handler.js';
import { PostponeActivityRoute } from './postpone-activity/postpone-activity.route.js';
import { ReportProgressHandler } from './report-progress/report-progress.handler.js';
import { ReportProgressRoute } from './report-progress/report-progress.route.js';
import { ScheduleActivityHandler } from './schedule-activity/schedule-activity.handler.js';
import { ScheduleActivityRoute } from './schedule-activity/schedule-activity.route.js';
import { ScheduleForumHandler } from './schedule-forum/schedule-forum.handler.js';
import { ScheduleForumRoute } from './schedule-forum/schedule-forum.route.js';
import { StartActivityHandler } from './start-activity/start-activity.handler.js';
import { StartActivityRoute } from './start-activity/start-activity.route.js';

/** The Activity slices (forums, programmes, trainings, internships, meeting rounds): one folder per command. */
@Module({
  controllers: [
    ScheduleForumRoute,
    ScheduleActivityRoute,
    StartActivityRoute,
    ReportProgressRoute,
    CompleteActivityRoute,
    PostponeActivityRoute,
    CancelActivityRoute,
  ],
  providers: [
    ScheduleForumHandler,
    ScheduleActivityHandler,
    StartActivityHandler,
    ReportProgressHandler,
    CompleteActivityHandler,
    PostponeActivityHandler,
    CancelActivityHandler,
  ],
})
export class ActivitiesModule {}
