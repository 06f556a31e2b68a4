import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { CommandBodyDto } from '#eventsourcing';
import { EntityId, StateCode } from '../../shared/http/validators.js';
import { DELEGATION_LEVELS, type DelegationLevel } from '../meeting.js';

export class AccreditDelegationDto extends CommandBodyDto {
  @EntityId('diaspora-ministerial-6')
  meetingId: string;

  @StateCode('KZ')
  state: string;

  @ApiPropertyOptional({ example: 'Chairman of the Otandastar Foundation' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  headOfDelegation?: string;

  @ApiProperty({ enum: DELEGATION_LEVELS, example: 'head-of-institution' })
  @IsIn(DELEGATION_LEVELS)
  level: DelegationLevel;
}
