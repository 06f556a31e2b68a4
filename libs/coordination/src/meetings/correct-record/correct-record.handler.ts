import { CommandHandler } from '@nestjs/cqrs';
import { DeciderCommandHandler, SliceCommand } from '#eventsourcing';
import { meetingDecider } from '../meeting.decider.js';
import { meetingStream } from '../meeting.js';
import type { CorrectRecordDto } from './correct-record.dto.js';

export class CorrectRecordCommand extends SliceCommand<CorrectRecordDto> {}

@CommandHandler(CorrectRecordCommand)
export class CorrectRecordHandler extends DeciderCommandHandler<CorrectRecordDto> {
  protected readonly decider = meetingDecider;
  protected readonly commandType = 'CorrectRecord';
  protected stream = (data: { meetingId: string }) => meetingStream(data.meetingId);
}
