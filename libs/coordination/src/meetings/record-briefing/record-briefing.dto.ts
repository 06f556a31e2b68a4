import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, ValidateNested } from 'class-validator';
import { CommandBodyDto } from '#eventsourcing';
import type { LocalizedTextDto } from '../../shared/http/localized-text.dto.js';
import { EntityId, EntityIdList, OptionalEntityId, Text } from '../../shared/http/validators.js';

export class BrieferDto {
  @OptionalEntityId('ots-secretariat')
  institutionId?: string;

  @Text('Deputy Secretary General of the OTS')
  role: LocalizedTextDto;
}

export class RecordBriefingDto extends CommandBodyDto {
  @EntityId('diaspora-ministerial-6')
  meetingId: string;

  @EntityId('secretariat-briefing')
  briefingId: string;

  @ApiProperty({ type: BrieferDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => BrieferDto)
  by: BrieferDto;

  @Text('The OTS strategic documents and the diaspora cooperation')
  topic: LocalizedTextDto;

  @EntityIdList(
    ['bishkek-summit-declaration-2024', 'turkic-world-vision-2040', 'ots-strategy-2022-2026'],
    'Ids of the strategic documents the briefing was on',
  )
  citesStrategicDocuments: string[];
}
