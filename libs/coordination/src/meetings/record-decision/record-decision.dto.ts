import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsObject, IsOptional, Matches, ValidateNested } from 'class-validator';
import { CommandBodyDto } from '#eventsourcing';
import type { LocalizedTextDto } from '../../shared/http/localized-text.dto.js';
import { EntityId, EntityIdList, NestedList, OptionalEntityId, Text } from '../../shared/http/validators.js';
import { DECISION_KINDS, type DecisionKind } from '../../shared/decision-facts.js';
import {
  DecisionDocumentDto,
  DecisionSubjectDto,
  FollowUpDto,
  OrganiseActivityDto,
} from './decision-parts.dto.js';

export { DecisionSubjectDto } from './decision-parts.dto.js';

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

  @OptionalEntityId('joint-activity-plan-2025')
  agendaItemId?: string;

  @NestedList(() => DecisionDocumentDto, 50)
  documents?: DecisionDocumentDto[];

  @EntityIdList(['turkic-world-vision-2040'], 'Ids of the strategic documents it refers to', true)
  citesStrategicDocuments?: string[];

  /** Only on a decision "agreed-to-organise". */
  @NestedList(() => OrganiseActivityDto, 50)
  organise?: OrganiseActivityDto[];

  @NestedList(() => FollowUpDto, 50)
  followUps?: FollowUpDto[];
}
