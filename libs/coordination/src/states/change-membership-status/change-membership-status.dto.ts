import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { CommandBodyDto } from '#eventsourcing';
import { CalendarDate, StateCode } from '../../shared/http/validators.js';
import type { Membership } from '../../shared/states.js';
import { STATE_MEMBERSHIPS } from '../state.js';

export class ChangeMembershipStatusDto extends CommandBodyDto {
  @StateCode('HU')
  code: string;

  @ApiProperty({ enum: STATE_MEMBERSHIPS, example: 'member' })
  @IsIn(STATE_MEMBERSHIPS)
  membership: Membership;

  @CalendarDate('2026-01-01')
  since: string;
}
