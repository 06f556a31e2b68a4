import { CommandHandler } from '@nestjs/cqrs';
import { DeciderCommandHandler, SliceCommand } from '#eventsourcing';
import { activityDecider } from '../activity.decider.js';
import { activityStream } from '../activity.js';
import type { ReportProgressDto } from './report-progress.dto.js';

export class ReportProgressCommand extends SliceCommand<ReportProgressDto> {}

@CommandHandler(ReportProgressCommand)
export class ReportProgressHandler extends DeciderCommandHandler<ReportProgressDto> {
  protected readonly decider = activityDecider;
  protected readonly commandType = 'ReportProgress';
  protected stream = (data: { activityId: string }) => activityStream(data.activityId);
}
