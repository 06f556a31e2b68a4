import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CommandBodyDto } from '#eventsourcing';
import { EntityId } from '../../shared/http/validators.js';

export class SignatoryDto {
  @ApiProperty({ example: 'Akmal Kamalov', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ example: 'Chairman of the Committee', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;
}

export class DesignateSignatoryDto extends CommandBodyDto {
  @EntityId('kz-uz-diaspora-2024')
  protocolId: string;

  @EntityId('uz-interethnic-committee', 'The party the signatory signs for')
  institutionId: string;

  @ApiProperty({ type: SignatoryDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => SignatoryDto)
  signatory: SignatoryDto;
}
