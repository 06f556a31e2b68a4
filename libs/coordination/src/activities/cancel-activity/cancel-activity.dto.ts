import { CommandBodyDto } from '#eventsourcing';
import type { LocalizedTextDto } from '../../shared/http/localized-text.dto.js';
import { EntityId, Text } from '../../shared/http/validators.js';

export class CancelActivityDto extends CommandBodyDto {
  @EntityId('turkic-diaspora-forum-2025')
  activityId: string;

  @Text('The host state withdrew its offer')
  reason: LocalizedTextDto;
}
