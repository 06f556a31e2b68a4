import { CommandHandler } from '@nestjs/cqrs';
import { DeciderCommandHandler, SliceCommand } from '#eventsourcing';
import { protocolDecider } from '../protocol.decider.js';
import { protocolStream } from '../protocol.js';
import type { DesignateSignatoryDto } from './designate-signatory.dto.js';

export class DesignateSignatoryCommand extends SliceCommand<DesignateSignatoryDto> {}

@CommandHandler(DesignateSignatoryCommand)
export class DesignateSignatoryHandler extends DeciderCommandHandler<DesignateSignatoryDto> {
  protected readonly decider = protocolDecider;
  protected readonly commandType = 'DesignateSignatory';
  protected stream = (data: { protocolId: string }) => protocolStream(data.protocolId);
}
