import { CommandHandler } from '@nestjs/cqrs';
import { DeciderCommandHandler, SliceCommand } from '#eventsourcing';
import { meetingDecider } from '../meeting.decider.js';
import { meetingStream } from '../meeting.js';
import type { CloseMeetingDto } from './close-meeting.dto.js';

export class CloseMeetingCommand extends SliceCommand<CloseMeetingDto> {}

@CommandHandler(CloseMeetingCommand)
export class CloseMeetingHandler extends DeciderCommandHandler<CloseMeetingDto> {
  protected readonly decider = meetingDecider;
  protected readonly commandType = 'CloseMeeting';
  protected stream = (data: { meetingId: string }) => meetingStream(data.meetingId);
}
