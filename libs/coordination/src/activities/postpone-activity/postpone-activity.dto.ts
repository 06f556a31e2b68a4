import { CommandBodyDto } from '#eventsourcing';
import type { LocalizedTextDto } from '../../shared/http/localized-text.dto.js';
import { CalendarDate, EntityId, Text } from '../../shared/http/validators.js';

export class PostponeActivityDto extends CommandBodyDto {
  @EntityId('turkic-diaspora-forum-2025')
  activityId: string;

  @CalendarDate('2025-09-10')
  newStart: string;

  @CalendarDate('2025-09-12')
  newEnd: string;

  @Text('The venue is being renovated')
  reason: LocalizedTextDto;
}
