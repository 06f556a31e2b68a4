import { CommandHandler } from '@nestjs/cqrs';
import { DeciderCommandHandler, SliceCommand } from '#eventsourcing';
import { meetingDecider } from '../meeting.decider.js';
import { meetingStream } from '../meeting.js';
import type { RecordBilateralMeetingDto } from './record-bilateral-meeting.dto.js';

export class RecordBilateralMeetingCommand extends SliceCommand<RecordBilateralMeetingDto> {}

@CommandHandler(RecordBilateralMeetingCommand)
export class RecordBilateralMeetingHandler extends DeciderCommandHandler<RecordBilateralMeetingDto> {
  protected readonly decider = meetingDecider;
  protected readonly commandType = 'RecordBilateralMeeting';
  protected stream = (data: { meetingId: string }) => meetingStream(data.meetingId);
}
