import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, ValidateNested } from 'class-validator';
import { CommandBodyDto } from '#eventsourcing';
import { EntityId } from '../../shared/http/validators.js';

export class DecisionRefDto {
  @EntityId('diaspora-ministerial-6', 'The meeting that took the decision')
  meetingId: string;

  @EntityId('adopt-plan-2025', 'The decision within that meeting')
  decisionId: string;
}

export class AdoptPlanDto extends CommandBodyDto {
  @EntityId('diaspora-2025')
  planId: string;

  @ApiProperty({
    type: DecisionRefDto,
    description: 'The adopted decision of a convened meeting that adopts this plan',
  })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => DecisionRefDto)
  decision: DecisionRefDto;
}
