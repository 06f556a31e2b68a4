import { CommandBodyDto } from '#eventsourcing';
import { CalendarDate, EntityId } from '../../shared/http/validators.js';

export class StartActivityDto extends CommandBodyDto {
  @EntityId('turkic-diaspora-forum-2025')
  activityId: string;

  @CalendarDate('2025-05-20')
  startedOn: string;
}
