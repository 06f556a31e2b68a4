import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { CommandBodyDto } from '#eventsourcing';
import type { LocalizedTextDto } from '../../shared/http/localized-text.dto.js';
import { EntityId, Text } from '../../shared/http/validators.js';

export class ProtocolPartyDto {
  @EntityId('kz-otandastar', 'A registered institution (of a state, or the OTS Secretariat)')
  institutionId: string;
}

export class MarginsDto {
  @EntityId('diaspora-ministerial-6', 'The meeting on whose margins the protocol is signed')
  meetingId: string;
}

export class DraftProtocolDto extends CommandBodyDto {
  @EntityId('kz-uz-diaspora-2024')
  protocolId: string;

  @Text('Cooperation Protocol between the Otandastar Foundation and the Committee on Interethnic Relations')
  title: LocalizedTextDto;

  @ApiProperty({
    type: [ProtocolPartyDto],
    description: 'At least two parties, from at least two different states; each listed once',
  })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ProtocolPartyDto)
  parties: ProtocolPartyDto[];

  @ApiPropertyOptional({
    type: MarginsDto,
    description: 'Signed on the margins of this meeting: on its date, in its city',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => MarginsDto)
  margins?: MarginsDto;
}
