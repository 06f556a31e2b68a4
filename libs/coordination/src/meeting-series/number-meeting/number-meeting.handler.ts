import { CommandHandler } from '@nestjs/cqrs';
import { DeciderCommandHandler, SliceCommand } from '#eventsourcing';
import { meetingSeriesDecider } from '../meeting-series.decider.js';
import { meetingSeriesStream } from '../meeting-series.js';
import type { NumberMeetingDto } from './number-meeting.dto.js';

export class NumberMeetingCommand extends SliceCommand<NumberMeetingDto> {}

@CommandHandler(NumberMeetingCommand)
export class NumberMeetingHandler extends DeciderCommandHandler<NumberMeetingDto> {
  protected readonly decider = meetingSeriesDecider;
  protected readonly commandType = 'NumberMeeting';
  protected stream = (data: { seriesId: string }) => meetingSeriesStream(data.seriesId);
}
