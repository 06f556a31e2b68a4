import { CommandBodyDto } from '#eventsourcing';
import { EntityId } from '../../shared/http/validators.js';

export class RemovePartyDto extends CommandBodyDto {
  @EntityId('kz-uz-diaspora-2024')
  protocolId: string;

  @EntityId('az-diaspora-committee', 'A party to the protocol')
  institutionId: string;
}
