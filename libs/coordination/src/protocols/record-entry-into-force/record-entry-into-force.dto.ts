import { CommandBodyDto } from '#eventsourcing';
import { CalendarDate, EntityId } from '../../shared/http/validators.js';

export class RecordEntryIntoForceDto extends CommandBodyDto {
  @EntityId('kz-uz-diaspora-2024')
  protocolId: string;

  @CalendarDate('2024-12-18')
  date: string;
}
