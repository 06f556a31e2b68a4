import { CommandBodyDto } from '#eventsourcing';
import type { LocalizedTextDto } from '../../shared/http/localized-text.dto.js';
import { CalendarDate, EntityId, OptionalText } from '../../shared/http/validators.js';

export class ClosePlanDto extends CommandBodyDto {
  @EntityId('diaspora-2025')
  planId: string;

  @CalendarDate('2025-12-31')
  closedOn: string;

  @OptionalText('The year of the plan is over')
  reason?: LocalizedTextDto;
}
