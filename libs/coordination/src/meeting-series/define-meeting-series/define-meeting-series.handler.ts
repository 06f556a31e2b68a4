import { CommandHandler } from '@nestjs/cqrs';
import { DeciderCommandHandler, SliceCommand } from '#eventsourcing';
import { meetingSeriesDecider } from '../meeting-series.decider.js';
import { meetingSeriesStream } from '../meeting-series.js';
import type { DefineMeetingSeriesDto } from './define-meeting-series.dto.js';

export class DefineMeetingSeriesCommand extends SliceCommand<DefineMeetingSeriesDto> {}

@CommandHandler(DefineMeetingSeriesCommand)
export class DefineMeetingSeriesHandler extends DeciderCommandHandler<DefineMeetingSeriesDto> {
  protected readonly decider = meetingSeriesDecider;
  protected readonly commandType = 'DefineMeetingSeries';
  protected stream = (data: { seriesId: string }) => meetingSeriesStream(data.seriesId);
}
