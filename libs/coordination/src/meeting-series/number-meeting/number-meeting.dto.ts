import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { CommandBodyDto } from '#eventsourcing';
import { CalendarDate, EntityId } from '../../shared/http/validators.js';

export class NumberMeetingDto extends CommandBodyDto {
  @EntityId('diaspora-ministerial')
  seriesId: string;

  @EntityId('diaspora-ministerial-6')
  meetingId: string;

  @ApiProperty({ example: 6, description: 'Number of the meeting in its series' })
  @IsInt()
  @Min(1)
  @Max(1000)
  number: number;

  @CalendarDate('2024-11-18')
  date: string;
}
