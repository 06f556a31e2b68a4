import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { CommandBodyDto } from '#eventsourcing';
import { LocalizedTextDto } from '../../shared/http/localized-text.dto.js';
import { EntityId } from '../../shared/http/validators.js';
import { IMPLEMENTATION_STATUSES, type ImplementationStatus } from '../follow-up.js';

export class UpdateImplementationStatusDto extends CommandBodyDto {
  @EntityId('youth-forum-2025-venue')
  followUpId: string;

  @ApiProperty({ enum: IMPLEMENTATION_STATUSES, example: 'in-progress' })
  @IsIn(IMPLEMENTATION_STATUSES)
  status: ImplementationStatus;

  @ApiPropertyOptional({ type: LocalizedTextDto, example: { en: 'Baku proposed as the venue' } })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  note?: LocalizedTextDto;
}
