import { CommandHandler } from '@nestjs/cqrs';
import { DeciderCommandHandler, SliceCommand } from '#eventsourcing';
import { activityDecider } from '../activity.decider.js';
import { activityStream } from '../activity.js';
import type { CancelActivityDto } from './cancel-activity.dto.js';

export class CancelActivityCommand extends SliceCommand<CancelActivityDto> {}

@CommandHandler(CancelActivityCommand)
export class CancelActivityHandler extends DeciderCommandHandler<CancelActivityDto> {
  protected readonly decider = activityDecider;
  protected readonly commandType = 'CancelActivity';
  protected stream = (data: { activityId: string }) => activityStream(data.activityId);
}
