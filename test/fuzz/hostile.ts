import fc from 'fast-check';

/** Strings that have broken parsers, validators, databases and loggers before. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDC00x',
  '\u202Eevil\u202C',
  '\u200F\u200E',
  '\uFEFF',
  '😀👩‍👩‍👧‍👦🇺🇿',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
  '__proto__',
  'constructor',
  'prototype',
  '1e309',
  '-0',
  'NaN',
  'Infinity',
  '-1',
  '9007199254740993',
  'position:1e309',
  'position:-1',
  'occurred:9999-99-99',
  '2024-02-30',
  '0000-00-00T00:00:00Z',
  '../../../../etc/passwd',
  "'; DROP TABLE events; --",
  '" OR 1=1 --',
  '%00',
  '%E0%A4%A',
  '${jndi:ldap://x}',
  '<script>alert(1)</script>',
  'true',
  'null',
  '[]',
  '{}',
  'x'.repeat(5_000),
  'ü'.repeat(70_000),
];

/** A hostile string: known-bad ones, arbitrary Unicode (lone surrogates included) and huge ones. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z0-9-]{1,120}$/) },
  { weight: 1, arbitrary: fc.nat({ max: 300_000 }).map((n) => 'A'.repeat(n)) },
);

const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'en', 'planId', 'data', 'metadata', ''),
  fc.string({ maxLength: 12 }),
);

/** Hostile JSON: wrong types, odd numbers, polluting keys, arrays for objects, some nesting. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    fc.constantFrom(null, true, false, 0, -0, 1.5, -1, 2 ** 53 + 1, 1e308, -1e308, Number.MIN_VALUE),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileKey, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Number literals that JSON.stringify cannot write: out of range, negative zero, beyond precision. */
const literalValues = [
  '1e309',
  '-1e309',
  '-0',
  '1E400',
  '0.0000000000000000000000001',
  '123456789012345678901234567890',
];

export interface BodyCase {
  readonly label: string;
  /** The raw bytes sent (a string is sent as is). */
  readonly text: string;
  readonly contentType?: string;
}

const nested = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

/** Bodies for one route: its example mutated field by field, hostile JSON, and broken text. */
export function hostileBody(example: unknown): fc.Arbitrary<BodyCase> {
  const base = example && typeof example === 'object' && !Array.isArray(example) ? (example as object) : {};
  const fields = Object.keys(base);
  const json = (label: string) => (value: unknown) => ({ label, text: safeStringify(value) });
  const field = fields.length > 0 ? fc.constantFrom(...fields) : fc.constant('x');
  return fc.oneof(
    // One field of a valid body replaced by something hostile: this reaches the deepest checks.
    fc.tuple(field, hostileJson).map(([name, value]) => json(`${name} replaced`)({ ...base, [name]: value })),
    fc.tuple(field).map(([name]) => {
      const copy: Record<string, unknown> = { ...base };
      delete copy[name];
      return json(`${name} missing`)(copy);
    }),
    fc.tuple(hostileKey, hostileJson).map(([key, value]) => ({
      label: `extra key ${JSON.stringify(key)}`,
      // Written by hand so that a `__proto__` key is really in the text.
      text: `{${JSON.stringify(key)}:${safeStringify(value)}${fields.length ? ',' : ''}${safeStringify(base).slice(1, -1)}}`,
    })),
    fc.tuple(field, fc.constantFrom(...literalValues)).map(([name, literal]) => ({
      label: `${name} as ${literal}`,
      text: `{${safeStringify(base).slice(1, -1)}${fields.length ? ',' : ''}${JSON.stringify(name)}:${literal}}`,
    })),
    hostileJson.map(json('hostile JSON')),
    fc.constant(json('array for object')([base])),
    fc.integer({ min: 20, max: 3000 }).map((depth) => ({ label: `nested ${depth}`, text: nested(depth) })),
    // Deep enough to overflow a recursive copy, still under the body limit.
    fc.integer({ min: 10_000, max: 100_000 }).map((depth) => ({
      label: `arrays nested ${depth}`,
      text: `{"a":${'['.repeat(depth)}${']'.repeat(depth)}}`,
    })),
    fc.constantFrom(
      { label: 'truncated', text: safeStringify(base).slice(0, -1) },
      { label: 'empty', text: '' },
      { label: 'BOM', text: '\uFEFF' + safeStringify(base) },
      { label: 'NUL', text: '\u0000' },
      { label: 'trailing garbage', text: safeStringify(base) + 'x' },
      { label: 'form', text: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' },
      { label: 'text', text: 'plain', contentType: 'text/plain' },
      { label: 'xml', text: '<a/>', contentType: 'application/xml' },
      { label: 'json utf-16', text: safeStringify(base), contentType: 'application/json; charset=utf-16' },
      { label: 'multipart', text: '--x\r\n\r\n--x--', contentType: 'multipart/form-data; boundary=x' },
    ),
  );
}

/** JSON text of any value (a lone surrogate is escaped as `\uD800`, which parses back to itself). */
function safeStringify(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}

/** A value for a query parameter or a path segment. */
export const hostileParam: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.constantFrom('0', '1', '500', '501', '2025-01-01', '2025-01-01T00:00:00Z') },
);

/** Percent-encodes what can be encoded; a lone surrogate is sent as a broken escape instead. */
export function encodeParam(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return value.replace(/[^A-Za-z0-9]/g, (c) =>
      c.charCodeAt(0) < 0x80 ? encodeURIComponent(c) : '%ED%A0%80',
    );
  }
}

/** Header values `fetch` can send (ByteStrings without CR, LF or NUL), hostile otherwise. */
export const hostileHeaderValue: fc.Arbitrary<string> = fc
  .oneof(
    fc.constantFrom(
      '',
      ' ',
      '"3"',
      'W/"-1"',
      '-1',
      '99999999999999999999',
      'yesterday',
      'x'.repeat(4000),
      '*',
    ),
    fc.string({ maxLength: 60 }),
    fc.stringMatching(/^[A-Za-z0-9._:-]{1,200}$/),
  )
  .map((value) => value.replace(/[^\x20-\x7E\x80-\xFF]/g, '?'));

/** What `Authorization` may carry in a hostile request. */
export const hostileAuthorization: fc.Arbitrary<string> = fc.constantFrom(
  'Bearer ',
  'Bearer x',
  'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwia3VydWx0YWlfcm9sZSI6InNlY3JldGFyaWF0In0.',
  'Basic YWRtaW46YWRtaW4=',
  `Bearer ${'a'.repeat(6000)}`,
  'Bearer a.b.c',
  'bearer',
);
