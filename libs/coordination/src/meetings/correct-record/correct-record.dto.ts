import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsObject, Matches, ValidateNested } from 'class-validator';
import { CommandBodyDto } from '#eventsourcing';
import type { LocalizedTextDto } from '../../shared/http/localized-text.dto.js';
import { BoundedJson, EntityId, Text } from '../../shared/http/validators.js';
import { CORRECTION_TARGET_KINDS, type CorrectionTargetKind } from '../meeting-record.js';

export class CorrectionTargetDto {
  @ApiProperty({ enum: CORRECTION_TARGET_KINDS, example: 'decision' })
  @IsIn(CORRECTION_TARGET_KINDS)
  kind: CorrectionTargetKind;

  @EntityId('organise-2025', 'The decision, agenda item, briefing or bilateral meeting')
  id: string;
}

export class CorrectRecordDto extends CommandBodyDto {
  @EntityId('diaspora-ministerial-6')
  meetingId: string;

  @EntityId('correction-1')
  correctionId: string;

  @ApiProperty({ type: CorrectionTargetDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => CorrectionTargetDto)
  target: CorrectionTargetDto;

  @ApiProperty({
    example: 'text',
    description:
      'decision: text, agendaItemId, documents, citesStrategicDocuments; agenda-item: title, order; briefing: by, topic, citesStrategicDocuments; bilateral: parties, topic',
  })
  @Matches(/^[A-Za-z]{1,64}$/, { message: 'field must be the name of a field, such as text' })
  field: string;

  /** Any JSON: its shape depends on the field, and the domain checks it; the deepest (documents) nests 3 levels. */
  @ApiProperty({
    description:
      'The corrected value, shaped as the field is (JSON nested at most 4 levels, at most 65536 characters)',
    example: { en: 'Corrected text' },
  })
  @BoundedJson(4, 65_536)
  correctedValue: unknown;

  @Text('The minutes name the Diaspora Youth Forum, not the Youth Forum')
  reason: LocalizedTextDto;
}
