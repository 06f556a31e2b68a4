import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, IsOptional, Matches, ValidateNested } from 'class-validator';
import { CommandBodyDto } from '#eventsourcing';
import type { LocalizedTextDto } from '../../shared/http/localized-text.dto.js';
import { CalendarDate, EntityId, OptionalEntityId, Text } from '../../shared/http/validators.js';

export class FollowUpDecisionDto {
  @EntityId('diaspora-ministerial-6', 'The meeting that took the decision')
  meetingId: string;

  @EntityId('organise-youth-forum', 'The decision within that meeting')
  decisionId: string;
}

export class FollowUpAssigneeDto {
  @ApiPropertyOptional({ example: 'AZ', pattern: '^[A-Z]{2}$', description: 'A registered state' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: '$property must be a two-letter state code such as AZ' })
  state?: string;

  @OptionalEntityId('az-diaspora-committee')
  institutionId?: string;
}

export class AssignFollowUpDto extends CommandBodyDto {
  @EntityId('youth-forum-2025-venue')
  followUpId: string;

  @ApiProperty({ type: FollowUpDecisionDto, description: 'The recorded decision this follows up' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => FollowUpDecisionDto)
  decision: FollowUpDecisionDto;

  @ApiProperty({ type: FollowUpAssigneeDto, description: 'A state, one of its institutions, or both' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => FollowUpAssigneeDto)
  assignee: FollowUpAssigneeDto;

  @Text('Propose the venue and dates of the Diaspora Youth Forum')
  description: LocalizedTextDto;

  @CalendarDate('2025-02-28', true)
  dueDate?: string;
}
