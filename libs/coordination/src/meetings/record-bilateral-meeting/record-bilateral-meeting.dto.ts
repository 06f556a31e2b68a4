import { CommandBodyDto } from '#eventsourcing';
import type { LocalizedTextDto } from '../../shared/http/localized-text.dto.js';
import {
  EntityId,
  NestedList,
  OptionalEntityId,
  OptionalText,
  StateCode,
} from '../../shared/http/validators.js';

export class BilateralPartyDto {
  @StateCode('UZ')
  state: string;

  @OptionalEntityId('uz-interethnic-committee')
  institutionId?: string;
}

export class RecordBilateralMeetingDto extends CommandBodyDto {
  @EntityId('diaspora-ministerial-6')
  meetingId: string;

  @EntityId('uz-kz-bilateral')
  bilateralId: string;

  /** Exactly two; the domain says so with a rule, so the refusal names it. */
  @NestedList(() => BilateralPartyDto, 10, false)
  parties: BilateralPartyDto[];

  @OptionalText('Cooperation between the diaspora institutions')
  topic?: LocalizedTextDto;
}
