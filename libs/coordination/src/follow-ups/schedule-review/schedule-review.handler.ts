import { CommandHandler } from '@nestjs/cqrs';
import { DeciderCommandHandler, SliceCommand } from '#eventsourcing';
import { followUpDecider } from '../follow-up.decider.js';
import { followUpStream } from '../follow-up.js';
import type { ScheduleReviewDto } from './schedule-review.dto.js';

export class ScheduleReviewCommand extends SliceCommand<ScheduleReviewDto> {}

@CommandHandler(ScheduleReviewCommand)
export class ScheduleReviewHandler extends DeciderCommandHandler<ScheduleReviewDto> {
  protected readonly decider = followUpDecider;
  protected readonly commandType = 'ScheduleReview';
  protected stream = (data: { followUpId: string }) => followUpStream(data.followUpId);
}
