import { CommandHandler } from '@nestjs/cqrs';
import { DeciderCommandHandler, SliceCommand } from '#eventsourcing';
import { meetingDecider } from '../meeting.decider.js';
import { meetingStream } from '../meeting.js';
import type { AccreditDelegationDto } from './accredit-delegation.dto.js';

export class AccreditDelegationCommand extends SliceCommand<AccreditDelegationDto> {}

@CommandHandler(AccreditDelegationCommand)
export class AccreditDelegationHandler extends DeciderCommandHandler<AccreditDelegationDto> {
  protected readonly decider = meetingDecider;
  protected readonly commandType = 'AccreditDelegation';
  protected stream = (data: { meetingId: string }) => meetingStream(data.meetingId);
}
