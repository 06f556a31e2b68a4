import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CommandBodyDto } from '#eventsourcing';
import type { LocalizedTextDto } from '../../shared/http/localized-text.dto.js';
import {
  CalendarDate,
  EntityId,
  OptionalEntityId,
  OptionalStateCode,
  StateCode,
  Text,
} from '../../shared/http/validators.js';

/** Either planId and planActivityId, or meetingId and decisionId (checked by the domain). */
export class ActivityOriginDto {
  @OptionalEntityId('diaspora-2025')
  planId?: string;

  @OptionalEntityId('turkic-diaspora-forum-2025')
  planActivityId?: string;

  @OptionalEntityId('diaspora-ministerial-6')
  meetingId?: string;

  @OptionalEntityId('organise-youth-forum')
  decisionId?: string;
}

/** What ScheduleForum and ScheduleActivity share. */
export abstract class ActivitySchedulingDto extends CommandBodyDto {
  @EntityId('turkic-diaspora-forum-2025')
  activityId: string;

  @Text('Turkic Diaspora Forum')
  title: LocalizedTextDto;

  @ApiProperty({
    type: ActivityOriginDto,
    description:
      'An activity of an adopted plan {planId, planActivityId}, or an "agreed to organise" decision {meetingId, decisionId}',
    example: { planId: 'diaspora-2025', planActivityId: 'turkic-diaspora-forum-2025' },
  })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ActivityOriginDto)
  origin: ActivityOriginDto;

  @StateCode('TR')
  leadState: string;

  @OptionalEntityId('tr-ytb')
  leadInstitutionId?: string;

  @ApiProperty({ example: ['AZ', 'KZ', 'KG', 'TR', 'UZ'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Matches(/^[A-Z]{2}$/, {
    each: true,
    message: 'each of participatingStates must be a two-letter state code',
  })
  participatingStates: string[];

  @CalendarDate('2025-05-20')
  plannedStart: string;

  @CalendarDate('2025-05-22')
  plannedEnd: string;

  @ApiPropertyOptional({ example: 'Istanbul' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  city?: string;

  @OptionalStateCode('TR')
  hostState?: string;

  @ApiPropertyOptional({ example: true, description: 'Whether diaspora NGOs take part' })
  @IsOptional()
  @IsBoolean()
  withNgos?: boolean;
}
