import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { CommandBodyDto } from '#eventsourcing';
import type { LocalizedTextDto } from '../../shared/http/localized-text.dto.js';
import { EntityId, Text } from '../../shared/http/validators.js';

export class AddAgendaItemDto extends CommandBodyDto {
  @EntityId('diaspora-ministerial-6')
  meetingId: string;

  @EntityId('joint-activity-plan-2025')
  itemId: string;

  @Text('Adoption of the Diaspora Joint Activity Plan for 2025')
  title: LocalizedTextDto;

  @ApiPropertyOptional({ example: 2, description: 'Place on the agenda from 1; absent: after the last item' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  order?: number;
}
