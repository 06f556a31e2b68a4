import { CommandHandler } from '@nestjs/cqrs';
import { DeciderCommandHandler, SliceCommand } from '#eventsourcing';
import { meetingDecider } from '../meeting.decider.js';
import { meetingStream } from '../meeting.js';
import type { RecordDecisionDto } from './record-decision.dto.js';

export class RecordDecisionCommand extends SliceCommand<RecordDecisionDto> {}

@CommandHandler(RecordDecisionCommand)
export class RecordDecisionHandler extends DeciderCommandHandler<RecordDecisionDto> {
  protected readonly decider = meetingDecider;
  protected readonly commandType = 'RecordDecision';
  protected stream = (data: { meetingId: string }) => meetingStream(data.meetingId);
}
