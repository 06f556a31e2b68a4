import { CommandHandler } from '@nestjs/cqrs';
import { DeciderCommandHandler, SliceCommand } from '#eventsourcing';
import { protocolDecider } from '../protocol.decider.js';
import { protocolStream } from '../protocol.js';
import type { TerminateProtocolDto } from './terminate-protocol.dto.js';

export class TerminateProtocolCommand extends SliceCommand<TerminateProtocolDto> {}

@CommandHandler(TerminateProtocolCommand)
export class TerminateProtocolHandler extends DeciderCommandHandler<TerminateProtocolDto> {
  protected readonly decider = protocolDecider;
  protected readonly commandType = 'TerminateProtocol';
  protected stream = (data: { protocolId: string }) => protocolStream(data.protocolId);
}
