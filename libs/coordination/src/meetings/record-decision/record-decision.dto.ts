import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsObject, IsOptional, Matches, ValidateNested } from 'class-validator';
import { CommandBodyDto } from '#eventsourcing';
import type { LocalizedTextDto } from '../../shared/http/localized-text.dto.js';
import { EntityId, OptionalEntityId, Text } from '../../shared/http/validators.js';
import { DECISION_KINDS, type DecisionKind } from '../../shared/decision-facts.js';

export class DecisionSubjectDto {
  @OptionalEntityId('diaspora-2025')
  planId?: string;
}

export class RecordDecisionDto extends CommandBodyDto {
  @EntityId('diaspora-ministerial-6')
  meetingId: string;

  @EntityId('adopt-plan-2025')
  decisionId: string;

  @ApiProperty({ enum: DECISION_KINDS, example: 'adopted' })
  @IsIn(DECISION_KINDS)
  kind: DecisionKind;

  @Text('The parties adopted the Diaspora Joint Activity Plan of the OTS for the year 2025')
  text: LocalizedTextDto;

  @ApiPropertyOptional({ type: DecisionSubjectDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => DecisionSubjectDto)
  subject?: DecisionSubjectDto;

  @ApiProperty({
    example: ['AZ', 'KZ', 'KG', 'TR', 'UZ'],
    description: 'Accredited member states adopting it',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^[A-Z]{2}$/, { each: true, message: 'each of adoptingStates must be a two-letter state code' })
  adoptingStates: string[];
}
