import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, ValidateNested } from 'class-validator';
import { CommandBodyDto } from '#eventsourcing';
import { ActivityDto } from '../../shared/http/activity.dto.js';
import type { LocalizedTextDto } from '../../shared/http/localized-text.dto.js';
import { EntityId, EntityIdList, NestedList, OptionalText } from '../../shared/http/validators.js';
import { DecisionRefDto } from '../adopt-plan/adopt-plan.dto.js';

export class PlanChangesDto {
  @NestedList(() => ActivityDto, 50)
  addActivities?: ActivityDto[];

  @EntityIdList(['diaspora-internship'], 'Activities of the plan to remove', true)
  removeActivityIds?: string[];

  @OptionalText('Diaspora Joint Activity Plan of the OTS for the year 2025 (as amended)')
  retitle?: LocalizedTextDto;
}

export class AmendPlanDto extends CommandBodyDto {
  @EntityId('diaspora-2025')
  planId: string;

  @EntityId('amendment-1')
  amendmentId: string;

  @ApiProperty({
    type: DecisionRefDto,
    description: 'The decision (adopted or agreed to organise) of a convened meeting that amends the plan',
  })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => DecisionRefDto)
  decision: DecisionRefDto;

  @ApiProperty({ type: PlanChangesDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => PlanChangesDto)
  changes: PlanChangesDto;
}
