import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { CommandBodyDto } from '#eventsourcing';
import type { LocalizedTextDto } from '../../shared/http/localized-text.dto.js';
import { EntityId, Text } from '../../shared/http/validators.js';

export class DefineMeetingSeriesDto extends CommandBodyDto {
  @EntityId('diaspora-ministerial')
  seriesId: string;

  @Text('Meeting of Ministers and Heads of Institutions in charge of Diaspora Affairs of the OTS')
  title: LocalizedTextDto;

  @ApiProperty({
    example: 'diaspora',
    pattern: '^[a-z0-9][a-z0-9-]{0,63}$',
    description: 'The field of cooperation',
  })
  @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: '$property must be a slug such as diaspora' })
  domain: string;
}
