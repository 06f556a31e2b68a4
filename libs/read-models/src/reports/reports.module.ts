import { Module } from '@nestjs/common';
import { GetPlanReportHandler } from './plan-report.query.js';
import { PlanReportRoute } from './plan-report.route.js';

/** Reports produced by replaying the log: the annual implementation report of a plan. */
@Module({ controllers: [PlanReportRoute], providers: [GetPlanReportHandler] })
export class ReportsModule {}
