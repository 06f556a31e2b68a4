import { CommandHandler } from '@nestjs/cqrs';
import { DeciderCommandHandler, SliceCommand } from '#eventsourcing';
import { activityDecider } from '../activity.decider.js';
import { activityStream } from '../activity.js';
import type { CompleteActivityDto } from './complete-activity.dto.js';

export class CompleteActivityCommand extends SliceCommand<CompleteActivityDto> {}

@CommandHandler(CompleteActivityCommand)
export class CompleteActivityHandler extends DeciderCommandHandler<CompleteActivityDto> {
  protected readonly decider = activityDecider;
  protected readonly commandType = 'CompleteActivity';
  protected stream = (data: { activityId: string }) => activityStream(data.activityId);
}
