import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { CommandBodyDto } from '#eventsourcing';
import type { LocalizedTextDto } from '../../shared/http/localized-text.dto.js';
import { CalendarDate, StateCode, Text } from '../../shared/http/validators.js';
import type { Membership } from '../../shared/states.js';
import { STATE_MEMBERSHIPS } from '../state.js';

export class RegisterStateDto extends CommandBodyDto {
  @StateCode('HU')
  code: string;

  @Text('Hungary')
  name: LocalizedTextDto;

  @ApiProperty({ enum: STATE_MEMBERSHIPS, example: 'observer' })
  @IsIn(STATE_MEMBERSHIPS)
  membership: Membership;

  @CalendarDate('2018-09-03')
  since: string;
}
