import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { CommandBodyDto } from '#eventsourcing';
import type { LocalizedTextDto } from '../../shared/http/localized-text.dto.js';
import { EntityId, Text } from '../../shared/http/validators.js';

export class DraftPlanDto extends CommandBodyDto {
  @EntityId('diaspora-2025')
  planId: string;

  @EntityId('diaspora-ministerial', 'The meeting series whose plan this is')
  seriesId: string;

  @ApiProperty({ example: 2025 })
  @IsInt()
  @Min(1991)
  @Max(2100)
  year: number;

  @Text('Diaspora Joint Activity Plan of the OTS for the year 2025')
  title: LocalizedTextDto;
}
