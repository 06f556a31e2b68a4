import { CommandHandler } from '@nestjs/cqrs';
import { DeciderCommandHandler, SliceCommand } from '#eventsourcing';
import { activityDecider } from '../activity.decider.js';
import { activityStream } from '../activity.js';
import type { PostponeActivityDto } from './postpone-activity.dto.js';

export class PostponeActivityCommand extends SliceCommand<PostponeActivityDto> {}

@CommandHandler(PostponeActivityCommand)
export class PostponeActivityHandler extends DeciderCommandHandler<PostponeActivityDto> {
  protected readonly decider = activityDecider;
  protected readonly commandType = 'PostponeActivity';
  protected stream = (data: { activityId: string }) => activityStream(data.activityId);
}
