import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, ValidateNested } from 'class-validator';
import { CommandBodyDto } from '#eventsourcing';
import { LocalizedTextDto } from '../../shared/http/localized-text.dto.js';
import { CalendarDate, EntityId } from '../../shared/http/validators.js';

export class TerminateProtocolDto extends CommandBodyDto {
  @EntityId('kz-uz-diaspora-2024')
  protocolId: string;

  @CalendarDate('2026-12-31')
  date: string;

  @ApiPropertyOptional({ type: LocalizedTextDto, example: { en: 'Replaced by a new protocol' } })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  reason?: LocalizedTextDto;
}
