import { CommandBodyDto } from '#eventsourcing';
import { EntityId } from '../../shared/http/validators.js';

export class AddPartyDto extends CommandBodyDto {
  @EntityId('kz-uz-diaspora-2024')
  protocolId: string;

  @EntityId('az-diaspora-committee', 'A registered institution (of a state, or the OTS Secretariat)')
  institutionId: string;
}
