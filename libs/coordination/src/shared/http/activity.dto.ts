import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, Matches } from 'class-validator';
import { ACTIVITY_KINDS, type ActivityKind } from '../activity-fields.js';
import type { LocalizedTextDto } from './localized-text.dto.js';
import { CalendarDate, EntityId, OptionalEntityId, StateCode, Text } from './validators.js';

/** An activity as plans, amendments and decisions give it (AddActivityToPlan's fields). */
export class ActivityDto {
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
