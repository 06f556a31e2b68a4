import { CommandHandler } from '@nestjs/cqrs';
import { DeciderCommandHandler, SliceCommand } from '#eventsourcing';
import { activityDecider } from '../activity.decider.js';
import { activityStream } from '../activity.js';
import type { StartActivityDto } from './start-activity.dto.js';

export class StartActivityCommand extends SliceCommand<StartActivityDto> {}

@CommandHandler(StartActivityCommand)
export class StartActivityHandler extends DeciderCommandHandler<StartActivityDto> {
  protected readonly decider = activityDecider;
  protected readonly commandType = 'StartActivity';
  protected stream = (data: { activityId: string }) => activityStream(data.activityId);
}
