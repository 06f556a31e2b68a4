import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { CommandBodyDto } from '#eventsourcing';
import type { LocalizedTextDto } from '../../shared/http/localized-text.dto.js';
import { CalendarDate, EntityId, Text } from '../../shared/http/validators.js';
import { STRATEGIC_DOCUMENT_KINDS, type StrategicDocumentKind } from '../strategic-document.js';

/** The common `source` field of every command body is the document's source too. */
export class RegisterStrategicDocumentDto extends CommandBodyDto {
  @EntityId('turkic-world-vision-2040')
  documentId: string;

  @Text('Turkic World Vision-2040')
  title: LocalizedTextDto;

  @ApiProperty({ enum: STRATEGIC_DOCUMENT_KINDS, example: 'vision' })
  @IsIn(STRATEGIC_DOCUMENT_KINDS)
  kind: StrategicDocumentKind;

  @CalendarDate('2021-11-12')
  adoptedAt: string;

  @ApiPropertyOptional({ example: 'Istanbul' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  adoptedAtPlace?: string;
}
