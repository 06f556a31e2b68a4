import { CommandHandler } from '@nestjs/cqrs';
import { DeciderCommandHandler, SliceCommand } from '#eventsourcing';
import { meetingDecider } from '../meeting.decider.js';
import { meetingStream } from '../meeting.js';
import type { AddAgendaItemDto } from './add-agenda-item.dto.js';

export class AddAgendaItemCommand extends SliceCommand<AddAgendaItemDto> {}

@CommandHandler(AddAgendaItemCommand)
export class AddAgendaItemHandler extends DeciderCommandHandler<AddAgendaItemDto> {
  protected readonly decider = meetingDecider;
  protected readonly commandType = 'AddAgendaItem';
  protected stream = (data: { meetingId: string }) => meetingStream(data.meetingId);
}
