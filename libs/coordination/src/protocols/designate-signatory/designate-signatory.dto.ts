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
import { LocalizedTextDto } from '../../shared/http/localized-text.dto.js';
import { EntityId } from '../../shared/http/validators.js';

export class SignatoryDto {
  @ApiProperty({ example: 'Akmal Kamalov', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({
    type: LocalizedTextDto,
    nullable: true,
    description: 'The title per language, English at least',
    example: { en: 'Chairman of the Committee' },
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  title?: LocalizedTextDto | null;
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
