import { CommandBodyDto } from '#eventsourcing';
import { EntityId } from '../../shared/http/validators.js';

export class ConveneMeetingDto extends CommandBodyDto {
  @EntityId('diaspora-ministerial-6')
  meetingId: string;
}
