import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, IsUrl, MaxLength, ValidateNested } from 'class-validator';

export class SourceReferenceDto {
  @ApiProperty({ example: 'press-release', description: 'minutes, press-release, letter, ...' })
  @IsString()
  @MaxLength(64)
  kind: string;

  @ApiPropertyOptional({ example: 'Press release of the 6th meeting, Tashkent' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  title?: string;

  @ApiPropertyOptional({ example: 'https://www.turkicstates.org/en/haberler/' })
  @IsOptional()
  @IsUrl({ require_protocol: true })
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({ example: '2024-11-18' })
  @IsOptional()
  @IsISO8601({ strict: true })
  date?: string;
}

/** Fields every command may carry besides its own data: when it happened and where it is told. */
export class CommandBodyDto {
  @ApiPropertyOptional({
    example: '2024-11-18T10:00:00+05:00',
    description: 'When the thing happened (may be in the past); defaults to the time it is recorded',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  occurredAt?: string;

  @ApiPropertyOptional({ type: SourceReferenceDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SourceReferenceDto)
  source?: SourceReferenceDto;

  @ApiPropertyOptional({ enum: ['public', 'internal'], default: 'public' })
  @IsOptional()
  @IsIn(['public', 'internal'])
  visibility?: 'public' | 'internal';
}

/** Splits a validated command body into the command's own data and the common extras. */
export function splitCommandBody<T extends CommandBodyDto>(
  body: T,
): { data: Omit<T, keyof CommandBodyDto>; extras: Pick<CommandBodyDto, keyof CommandBodyDto> } {
  const { occurredAt, source, visibility, ...data } = body;
  return { data: toPlain(data) as Omit<T, keyof CommandBodyDto>, extras: { occurredAt, source, visibility } };
}

/** DTO instances become plain JSON data (no prototypes, no undefined fields) before they reach the domain. */
function toPlain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}
