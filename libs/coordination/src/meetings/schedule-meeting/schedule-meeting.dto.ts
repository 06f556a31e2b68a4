import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { CommandBodyDto } from '#eventsourcing';
import type { LocalizedTextDto } from '../../shared/http/localized-text.dto.js';
import { CalendarDate, EntityId, OptionalEntityId, StateCode, Text } from '../../shared/http/validators.js';

export class ScheduleMeetingDto extends CommandBodyDto {
  @EntityId('diaspora-ministerial-6')
  meetingId: string;

  @EntityId('diaspora-ministerial')
  seriesId: string;

  @ApiProperty({ example: 6, description: 'Number of the meeting in its series' })
  @IsInt()
  @Min(1)
  @Max(1000)
  number: number;

  @Text('6th Meeting of Ministers and Heads of Institutions in charge of Diaspora Affairs of the OTS')
  title: LocalizedTextDto;

  @StateCode('UZ')
  hostState: string;

  @OptionalEntityId('uz-interethnic-committee')
  hostInstitutionId?: string;

  @ApiProperty({ example: 'Tashkent' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  city: string;

  @CalendarDate('2024-11-18')
  date: string;
}
