import { CommandHandler } from '@nestjs/cqrs';
import { DeciderCommandHandler, SliceCommand } from '#eventsourcing';
import { protocolDecider } from '../protocol.decider.js';
import { protocolStream } from '../protocol.js';
import type { RecordEntryIntoForceDto } from './record-entry-into-force.dto.js';

export class RecordEntryIntoForceCommand extends SliceCommand<RecordEntryIntoForceDto> {}

@CommandHandler(RecordEntryIntoForceCommand)
export class RecordEntryIntoForceHandler extends DeciderCommandHandler<RecordEntryIntoForceDto> {
  protected readonly decider = protocolDecider;
  protected readonly commandType = 'RecordEntryIntoForce';
  protected stream = (data: { protocolId: string }) => protocolStream(data.protocolId);
}
