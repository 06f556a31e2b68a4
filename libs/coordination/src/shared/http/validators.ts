import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsISO8601, IsObject, IsOptional, Matches, ValidateNested } from 'class-validator';
import { LocalizedTextDto } from './localized-text.dto.js';

/** Entity ids chosen by the client: slugs such as `plan-diaspora-2025`, or UUIDs. */
export const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

export function EntityId(example: string, description?: string) {
  return applyDecorators(
    ApiProperty({ example, pattern: SLUG.source, description }),
    Matches(SLUG, {
      message: '$property must be a slug: lower-case letters, digits and dashes, at most 100',
    }),
  );
}

export function OptionalEntityId(example: string) {
  return applyDecorators(
    ApiPropertyOptional({ example, pattern: SLUG.source }),
    IsOptional(),
    Matches(SLUG, {
      message: '$property must be a slug: lower-case letters, digits and dashes, at most 100',
    }),
  );
}

/** A two-letter state code (ISO 3166-1 alpha-2, or XC for the Turkish Republic of Northern Cyprus). */
export function StateCode(example = 'UZ') {
  return applyDecorators(
    ApiProperty({ example, pattern: '^[A-Z]{2}$' }),
    Matches(/^[A-Z]{2}$/, { message: '$property must be a two-letter state code such as UZ' }),
  );
}

export function CalendarDate(example: string, optional = false) {
  const decorators = [
    (optional ? ApiPropertyOptional : ApiProperty)({ example, format: 'date' }),
    IsISO8601({ strict: true }, { message: '$property must be a date YYYY-MM-DD' }),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD' }),
  ];
  return applyDecorators(...(optional ? [IsOptional(), ...decorators] : decorators));
}

export function Text(example: string) {
  return applyDecorators(
    ApiProperty({ type: LocalizedTextDto, example: { en: example } }),
    IsDefined(),
    IsObject(),
    ValidateNested(),
    Type(() => LocalizedTextDto),
  );
}
