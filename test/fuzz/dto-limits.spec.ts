import 'reflect-metadata';
import { Type } from 'class-transformer';
// @ts-expect-error -- the storage has no declaration at its CommonJS path; types/storage.d.ts describes it
import { defaultMetadataStorage as untypedStorage } from 'class-transformer/cjs/storage.js';
import {
  Allow,
  ArrayMaxSize,
  IsArray,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
  getMetadataStorage,
} from 'class-validator';
import { AppModule } from '../../apps/api/src/app.module.js';

/** class-transformer's record of `@Type` decorators (what `plainToInstance` follows). */
const typeStorage = untypedStorage as { findTypeMetadata(target: object, propertyName: string): unknown };

interface Constraint {
  readonly target: object;
  readonly propertyName: string;
  readonly type: string;
  readonly name?: string;
  readonly constraints?: unknown[];
}

/** Every validated property of every DTO class loaded, grouped by class and property. */
function properties(): Map<string, Constraint[]> {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<object, Constraint[]> };
  const out = new Map<string, Constraint[]>();
  for (const [target, metadatas] of storage.validationMetadatas) {
    for (const metadata of metadatas) {
      const key = `${(target as { name: string }).name}.${metadata.propertyName}`;
      out.set(key, [...(out.get(key) ?? []), metadata]);
    }
  }
  return out;
}

/** A pattern bounds the length of what it matches when it is anchored and has no open repetition. */
function bounded(pattern: unknown): boolean {
  if (!(pattern instanceof RegExp)) return false;
  // Character classes first, so that a `+` in `[+-]` is not taken for a repetition.
  const source = pattern.source.replace(/\[(?:\\.|[^\]\\])*\]/g, 'C');
  return source.startsWith('^') && source.endsWith('$') && !/(?<!\\)[*+]|\{\d+,\}/.test(source);
}

/** Why a property's value is unbounded, or null when its size is bounded. */
function unboundedBecause(constraints: readonly Constraint[]): string | null {
  const has = (name: string) => constraints.some((c) => c.name === name);
  const patterns = constraints.filter((c) => c.name === 'matches').map((c) => c.constraints?.[0]);
  const boundedText = has('maxLength') || has('isIn') || patterns.some(bounded);
  if ((has('isString') || has('isUrl') || patterns.length > 0) && !boundedText)
    return 'a string without @MaxLength or a bounded pattern';
  if ((has('isArray') || constraints.some((c) => c.constraints?.[0] === 'each')) && !has('arrayMaxSize'))
    return 'an array without @ArrayMaxSize';
  if (constraints.length > 0 && constraints.every((c) => c.type === 'whitelistValidation'))
    return 'any JSON (@Allow) without a bound';
  // Without @Type the nested value stays a plain object and its own limits are never applied.
  const nested = constraints.find((c) => c.type === 'nestedValidation');
  if (nested && !typeStorage.findTypeMetadata(nested.target, nested.propertyName))
    return '@ValidateNested without @Type';
  return null;
}

class Leaf {
  @IsString() @MaxLength(3) code: string;
}

class Unbounded {
  @IsString() name: string;
  @IsArray() tags: string[];
  @Matches(/^[a-z]+$/) slug: string;
  @Allow() anything: unknown;
  @ValidateNested() child: Leaf;
}

class Bounded {
  @IsString() @MaxLength(10) name: string;
  @IsArray() @ArrayMaxSize(5) tags: string[];
  @Matches(/^[a-z]{1,20}$/) slug: string;
  @Matches(/^[+-]\d{1,3}$/) anything: string;
  @ValidateNested() @Type(() => Leaf) child: Leaf;
}

describe('every DTO bounds what it accepts', () => {
  it('given the DTOs of every route, no string, array or free-form value is unbounded', () => {
    void AppModule; // loading the application module loads every controller and its DTOs
    const all = properties();
    expect([...all.keys()].filter((key) => key.startsWith('DraftPlanDto.')).length).toBeGreaterThan(2);
    const unbounded = [...all]
      .filter(([key]) => !/^(Unbounded|Bounded|Leaf)\./.test(key))
      .map(([key, constraints]) => [key, unboundedBecause(constraints)])
      .filter(([, because]) => because !== null);
    expect(unbounded).toEqual([]);
  });

  it('given a DTO without limits, names each unbounded property', () => {
    const all = properties();
    const verdict = (prefix: string) =>
      ['name', 'tags', 'slug', 'anything', 'child']
        .filter((p) => all.has(`${prefix}.${p}`))
        .map((p) => [p, unboundedBecause(all.get(`${prefix}.${p}`)!)]);
    expect(verdict(Unbounded.name)).toEqual([
      ['name', 'a string without @MaxLength or a bounded pattern'],
      ['tags', 'an array without @ArrayMaxSize'],
      ['slug', 'a string without @MaxLength or a bounded pattern'],
      ['anything', 'any JSON (@Allow) without a bound'],
      ['child', '@ValidateNested without @Type'],
    ]);
    expect(verdict(Bounded.name)).toEqual([
      ['name', null],
      ['tags', null],
      ['slug', null],
      ['anything', null],
      ['child', null],
    ]);
  });
});
