import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

const MAX = 2000;

/** Readable text per language tag (BCP 47); English is required. */
export class LocalizedTextDto {
  @ApiProperty({ example: 'Diaspora Joint Activity Plan of the OTS for the year 2025', maxLength: MAX })
  @IsString()
  @MinLength(1)
  @MaxLength(MAX)
  en: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(MAX) ru?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(MAX) tr?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(MAX) 'az-Latn'?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(MAX) kk?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(MAX) ky?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(MAX) 'uz-Latn'?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(MAX) 'uz-Cyrl'?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(MAX) hu?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(MAX) tk?: string;
}
