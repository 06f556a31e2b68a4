import { CommandHandler } from '@nestjs/cqrs';
import { SliceCommand } from '#eventsourcing';
import { SchedulingHandler } from '../scheduling/scheduling.handler.js';
import type { ScheduleActivityDto } from './schedule-activity.dto.js';

export class ScheduleActivityCommand extends SliceCommand<ScheduleActivityDto> {}

@CommandHandler(ScheduleActivityCommand)
export class ScheduleActivityHandler extends SchedulingHandler<ScheduleActivityDto> {
  protected readonly commandType = 'ScheduleActivity';
}
