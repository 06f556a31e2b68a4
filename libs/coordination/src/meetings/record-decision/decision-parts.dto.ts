import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ActivityDto } from '../../shared/http/activity.dto.js';
import type { LocalizedTextDto } from '../../shared/http/localized-text.dto.js';
import {
  CalendarDate,
  EntityId,
  OptionalEntityId,
  OptionalStateCode,
  Text,
} from '../../shared/http/validators.js';

export class DecisionSubjectDto {
  @OptionalEntityId('diaspora-2025')
  planId?: string;
}

export class DecisionDocumentDto {
  @OptionalEntityId('diaspora-joint-activity-plan-2025')
  documentId?: string;

  @Text('Diaspora Joint Activity Plan of the OTS for the year 2025')
  title: LocalizedTextDto;

  @ApiPropertyOptional({ example: 'https://www.turkicstates.org/' })
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(2000)
  url?: string;
}

/** An activity a decision "agreed to organise" asks for. */
export class OrganiseActivityDto extends ActivityDto {
  @ApiPropertyOptional({ example: 'Istanbul' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  city?: string;

  @ApiPropertyOptional({ example: true, description: 'Organised with non-governmental organisations' })
  @IsOptional()
  @IsBoolean()
  withNgos?: boolean;
}

export class AssigneeDto {
  @OptionalStateCode('UZ')
  state?: string;

  @OptionalEntityId('ots-secretariat')
  institutionId?: string;
}

export class FollowUpDto {
  @EntityId('report-on-diaspora-forum')
  followUpId: string;

  @ApiProperty({ type: AssigneeDto, description: 'A state, an institution or both' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => AssigneeDto)
  assignee: AssigneeDto;

  @Text('Report to the next meeting on the organisation of the forums')
  description: LocalizedTextDto;

  @CalendarDate('2025-11-01', true)
  dueDate?: string;
}
