import { CommandHandler } from '@nestjs/cqrs';
import { DeciderCommandHandler, SliceCommand } from '#eventsourcing';
import { meetingDecider } from '../meeting.decider.js';
import { meetingStream } from '../meeting.js';
import type { RecordBriefingDto } from './record-briefing.dto.js';

export class RecordBriefingCommand extends SliceCommand<RecordBriefingDto> {}

@CommandHandler(RecordBriefingCommand)
export class RecordBriefingHandler extends DeciderCommandHandler<RecordBriefingDto> {
  protected readonly decider = meetingDecider;
  protected readonly commandType = 'RecordBriefing';
  protected stream = (data: { meetingId: string }) => meetingStream(data.meetingId);
}
