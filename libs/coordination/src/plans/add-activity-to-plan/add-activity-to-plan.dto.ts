import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, Matches } from 'class-validator';
import { CommandBodyDto } from '#eventsourcing';
import type { LocalizedTextDto } from '../../shared/http/localized-text.dto.js';
import { CalendarDate, EntityId, OptionalEntityId, StateCode, Text } from '../../shared/http/validators.js';
import { ACTIVITY_KINDS, type ActivityKind } from '../joint-activity-plan.js';

export class AddActivityToPlanDto extends CommandBodyDto {
  @EntityId('diaspora-2025')
  planId: string;

  @EntityId('turkic-diaspora-forum-2025')
  activityId: string;

  @ApiProperty({ enum: ACTIVITY_KINDS, example: 'forum' })
  @IsIn(ACTIVITY_KINDS)
  kind: ActivityKind;

  @Text('Turkic Diaspora Forum')
  title: LocalizedTextDto;

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

  @CalendarDate('2025-05-01', true)
  plannedStart?: string;

  @CalendarDate('2025-05-03', true)
  plannedEnd?: string;
}
