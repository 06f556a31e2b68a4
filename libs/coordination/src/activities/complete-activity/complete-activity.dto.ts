import { CommandBodyDto } from '#eventsourcing';
import type { LocalizedTextDto } from '../../shared/http/localized-text.dto.js';
import { CalendarDate, EntityId, OptionalText } from '../../shared/http/validators.js';

export class CompleteActivityDto extends CommandBodyDto {
  @EntityId('turkic-diaspora-forum-2025')
  activityId: string;

  @CalendarDate('2025-05-22')
  completedOn: string;

  @OptionalText('Some 300 diaspora NGOs took part')
  outcome?: LocalizedTextDto;
}
