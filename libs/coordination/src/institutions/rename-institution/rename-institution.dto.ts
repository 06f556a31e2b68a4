import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { CommandBodyDto } from '#eventsourcing';
import type { LocalizedTextDto } from '../../shared/http/localized-text.dto.js';
import { CalendarDate, EntityId, SLUG, Text } from '../../shared/http/validators.js';

export class RenameInstitutionDto extends CommandBodyDto {
  @EntityId('tr-ytb')
  institutionId: string;

  @Text('Presidency for Turks Abroad and Related Communities')
  name: LocalizedTextDto;

  @CalendarDate('2018-07-15')
  validFrom: string;

  @ApiPropertyOptional({
    example: 'tr-ministry-of-culture-and-tourism',
    pattern: SLUG.source,
    nullable: true,
    description: 'Absent: stays under the same body; null: under none any more; an id: moved under that body',
  })
  @IsOptional()
  @Matches(SLUG, { message: '$property must be a slug: lower-case letters, digits and dashes, at most 100' })
  parent?: string | null;
}
