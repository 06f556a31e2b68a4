import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsISO8601,
  IsObject,
  IsOptional,
  Matches,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { nestingDepth } from '#eventsourcing';
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

export function OptionalText(example: string) {
  return applyDecorators(
    ApiPropertyOptional({ type: LocalizedTextDto, example: { en: example } }),
    IsOptional(),
    IsObject(),
    ValidateNested(),
    Type(() => LocalizedTextDto),
  );
}

export function OptionalStateCode(example = 'UZ') {
  return applyDecorators(
    ApiPropertyOptional({ example, pattern: '^[A-Z]{2}$' }),
    IsOptional(),
    Matches(/^[A-Z]{2}$/, { message: '$property must be a two-letter state code such as UZ' }),
  );
}

/** A list of entity ids (slugs), at most 50. */
export function EntityIdList(example: string[], description?: string, optional = false) {
  const decorators = [
    (optional ? ApiPropertyOptional : ApiProperty)({ example, description, type: [String] }),
    IsArray(),
    ArrayMaxSize(50),
    Matches(SLUG, { each: true, message: 'each of $property must be a slug' }),
  ];
  return applyDecorators(...(optional ? [IsOptional(), ...decorators] : decorators));
}

/** A list of nested objects, each validated by its own DTO class. */
export function NestedList(type: () => new () => object, max: number, optional = true) {
  const decorators = [
    (optional ? ApiPropertyOptional : ApiProperty)({ type: [type()] }),
    IsArray(),
    ArrayMaxSize(max),
    ValidateNested({ each: true }),
    Type(type),
  ];
  return applyDecorators(...(optional ? [IsOptional(), ...decorators] : decorators));
}

/**
 * Free-form JSON the domain checks itself (a corrected value, shaped as the field it corrects):
 * still bounded here, in nesting and in size, before it reaches the domain or the log.
 */
export function BoundedJson(maxDepth: number, maxChars: number) {
  return ValidateBy({
    name: 'boundedJson',
    validator: {
      validate: (value: unknown) =>
        value !== undefined &&
        nestingDepth(value, maxDepth) <= maxDepth &&
        (JSON.stringify(value)?.length ?? 0) <= maxChars,
      defaultMessage: (args) =>
        `${args?.property ?? 'value'} must be JSON nested at most ${maxDepth} levels and at most ${maxChars} characters long`,
    },
  });
}
