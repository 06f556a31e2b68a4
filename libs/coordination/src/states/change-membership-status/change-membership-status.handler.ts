import { CommandHandler } from '@nestjs/cqrs';
import { DeciderCommandHandler, SliceCommand } from '#eventsourcing';
import { stateDecider } from '../state.decider.js';
import { stateStream } from '../state.js';
import type { ChangeMembershipStatusDto } from './change-membership-status.dto.js';

export class ChangeMembershipStatusCommand extends SliceCommand<ChangeMembershipStatusDto> {}

@CommandHandler(ChangeMembershipStatusCommand)
export class ChangeMembershipStatusHandler extends DeciderCommandHandler<ChangeMembershipStatusDto> {
  protected readonly decider = stateDecider;
  protected readonly commandType = 'ChangeMembershipStatus';
  protected stream = (data: { code: string }) => stateStream(data.code);
}
