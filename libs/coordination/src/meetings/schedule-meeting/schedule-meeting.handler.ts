import { CommandHandler } from '@nestjs/cqrs';
import { DeciderCommandHandler, SliceCommand } from '#eventsourcing';
import { meetingDecider } from '../meeting.decider.js';
import { meetingStream } from '../meeting.js';
import type { ScheduleMeetingDto } from './schedule-meeting.dto.js';

export class ScheduleMeetingCommand extends SliceCommand<ScheduleMeetingDto> {}

@CommandHandler(ScheduleMeetingCommand)
export class ScheduleMeetingHandler extends DeciderCommandHandler<ScheduleMeetingDto> {
  protected readonly decider = meetingDecider;
  protected readonly commandType = 'ScheduleMeeting';
  protected stream = (data: { meetingId: string }) => meetingStream(data.meetingId);
}
