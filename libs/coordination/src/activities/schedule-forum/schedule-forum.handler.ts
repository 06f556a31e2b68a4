import { CommandHandler } from '@nestjs/cqrs';
import { SliceCommand } from '#eventsourcing';
import { SchedulingHandler } from '../scheduling/scheduling.handler.js';
import type { ScheduleForumDto } from './schedule-forum.dto.js';

export class ScheduleForumCommand extends SliceCommand<ScheduleForumDto> {}

@CommandHandler(ScheduleForumCommand)
export class ScheduleForumHandler extends SchedulingHandler<ScheduleForumDto> {
  protected readonly commandType = 'ScheduleForum';
}
