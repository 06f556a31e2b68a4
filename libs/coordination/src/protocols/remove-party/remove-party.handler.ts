import { CommandHandler } from '@nestjs/cqrs';
import { DeciderCommandHandler, SliceCommand } from '#eventsourcing';
import { protocolDecider } from '../protocol.decider.js';
import { protocolStream } from '../protocol.js';
import type { RemovePartyDto } from './remove-party.dto.js';

export class RemovePartyCommand extends SliceCommand<RemovePartyDto> {}

@CommandHandler(RemovePartyCommand)
export class RemovePartyHandler extends DeciderCommandHandler<RemovePartyDto> {
  protected readonly decider = protocolDecider;
  protected readonly commandType = 'RemoveParty';
  protected stream = (data: { protocolId: string }) => protocolStream(data.protocolId);
}
