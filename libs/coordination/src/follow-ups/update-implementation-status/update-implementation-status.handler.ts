import { CommandHandler } from '@nestjs/cqrs';
import { DeciderCommandHandler, SliceCommand } from '#eventsourcing';
import { followUpDecider } from '../follow-up.decider.js';
import { followUpStream } from '../follow-up.js';
import type { UpdateImplementationStatusDto } from './update-implementation-status.dto.js';

export class UpdateImplementationStatusCommand extends SliceCommand<UpdateImplementationStatusDto> {}

@CommandHandler(UpdateImplementationStatusCommand)
export class UpdateImplementationStatusHandler extends DeciderCommandHandler<UpdateImplementationStatusDto> {
  protected readonly decider = followUpDecider;
  protected readonly commandType = 'UpdateImplementationStatus';
  protected stream = (data: { followUpId: string }) => followUpStream(data.followUpId);
}
