import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { PROGRAMME_KINDS, type ProgrammeKind } from '../activity.js';
import { ActivitySchedulingDto } from '../scheduling/activity-scheduling.dto.js';

/** A programme, training, internship or next meeting round; forums go through ScheduleForum. */
export class ScheduleActivityDto extends ActivitySchedulingDto {
  @ApiProperty({ enum: PROGRAMME_KINDS, example: 'internship' })
  @IsIn(PROGRAMME_KINDS)
  kind: ProgrammeKind;
}
