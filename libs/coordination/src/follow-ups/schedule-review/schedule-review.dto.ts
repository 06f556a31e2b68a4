import { CommandBodyDto } from '#eventsourcing';
import { CalendarDate, EntityId, OptionalEntityId } from '../../shared/http/validators.js';

export class ScheduleReviewDto extends CommandBodyDto {
  @EntityId('youth-forum-2025-venue')
  followUpId: string;

  @CalendarDate('2025-11-20')
  reviewOn: string;

  @OptionalEntityId('diaspora-ministerial-7')
  meetingId?: string;
}
