import { Type, type TNull, type TProperties, type TSchema, type TUnion } from 'typebox';

/**
 * Event payloads are TypeBox schemas; their TypeScript types are derived from them, so the
 * JSON Schema a subscriber reads and the type a decider writes cannot disagree. Decided events
 * are never changed, hence every derived type is deeply readonly.
 */
export type Frozen<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends readonly (infer U)[]
    ? readonly Frozen<U>[]
    : T extends object
      ? { readonly [K in keyof T]: Frozen<T[K]> }
      : T;

/** The readonly TypeScript type of a payload schema. */
export type Payload<S extends TSchema> = Frozen<Type.Static<S>>;

/** An object with exactly these members: an event that grows a field needs its schema to say so. */
export const record = <P extends TProperties>(properties: P, options: { description?: string } = {}) =>
  Type.Object(properties, { additionalProperties: false, ...options });

export const nullable = <S extends TSchema>(schema: S): TUnion<[S, TNull]> =>
  Type.Union([schema, Type.Null()]);

/** One of a closed list of words, e.g. an activity kind. */
export const oneOf = <const V extends string[]>(
  values: readonly [...V],
  options: { description?: string } = {},
) => Type.Enum(values, options);

/** An id chosen by the client (a slug or a UUID), or a code such as a state's. */
export const id = (description?: string) =>
  Type.String({ minLength: 1, ...(description ? { description } : {}) });

/** Text that is never blank: names, places. */
export const text = (description?: string) =>
  Type.String({ minLength: 1, pattern: '\\S', ...(description ? { description } : {}) });

export const describe = <S extends TSchema>(schema: S, description: string): S =>
  ({ ...schema, description }) as S;
