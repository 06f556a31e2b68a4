import { ApiProperty } from '@nestjs/swagger';
import { Matches, ValidateIf } from 'class-validator';
import { CommandBodyDto } from '#eventsourcing';
import type { LocalizedTextDto } from '../../shared/http/localized-text.dto.js';
import { CalendarDate, EntityId, OptionalEntityId, Text } from '../../shared/http/validators.js';

export class RegisterInstitutionDto extends CommandBodyDto {
  @EntityId('uz-interethnic-committee')
  institutionId: string;

  @ApiProperty({
    example: 'UZ',
    nullable: true,
    pattern: '^[A-Z]{2}$',
    description: 'The registered state it belongs to; null for the OTS Secretariat',
  })
  @ValidateIf((dto: RegisterInstitutionDto) => dto.state !== null)
  @Matches(/^[A-Z]{2}$/, { message: '$property must be a two-letter state code such as UZ, or null' })
  state: string | null;

  @Text('Committee on Interethnic Relations and Friendly Cooperation with Foreign Countries')
  name: LocalizedTextDto;

  @OptionalEntityId('uz-ministry-of-culture')
  parent?: string;

  @CalendarDate('2017-05-19')
  validFrom: string;
}
