import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { CommandBodyDto } from '#eventsourcing';
import type { LocalizedTextDto } from '../../shared/http/localized-text.dto.js';
import { CalendarDate, EntityId, OptionalText } from '../../shared/http/validators.js';

export class ReportProgressDto extends CommandBodyDto {
  @EntityId('turkic-diaspora-forum-2025')
  activityId: string;

  // 100 passes here so that the domain can say why it is refused (only completion reaches it).
  @ApiProperty({
    example: 60,
    minimum: 0,
    maximum: 99,
    description: 'Whole percentage; 100 only by CompleteActivity',
  })
  @IsInt()
  @Min(0)
  @Max(100)
  progress: number;

  @OptionalText('Registration of diaspora NGOs closed')
  note?: LocalizedTextDto;

  @CalendarDate('2025-05-21', false)
  asOf: string;
}
