import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { CommandBodyDto } from '#eventsourcing';
import { CalendarDate, EntityId } from '../../shared/http/validators.js';

export class SignProtocolDto extends CommandBodyDto {
  @EntityId('kz-uz-diaspora-2024')
  protocolId: string;

  @EntityId('kz-otandastar', 'The party signing, through its designated signatory')
  institutionId: string;

  @CalendarDate('2024-11-18')
  signedOn: string;

  @ApiProperty({ example: 'Tashkent', maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  place: string;
}
