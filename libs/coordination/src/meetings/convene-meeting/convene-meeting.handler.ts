import { CommandHandler } from '@nestjs/cqrs';
import { DeciderCommandHandler, SliceCommand } from '#eventsourcing';
import { meetingDecider } from '../meeting.decider.js';
import { meetingStream } from '../meeting.js';
import type { ConveneMeetingDto } from './convene-meeting.dto.js';

export class ConveneMeetingCommand extends SliceCommand<ConveneMeetingDto> {}

@CommandHandler(ConveneMeetingCommand)
export class ConveneMeetingHandler extends DeciderCommandHandler<ConveneMeetingDto> {
  protected readonly decider = meetingDecider;
  protected readonly commandType = 'ConveneMeeting';
  protected stream = (data: { meetingId: string }) => meetingStream(data.meetingId);
}
