import fc from 'fast-check';
import {
  canonicalEvent,
  canonicalJson,
  canonicalOfStored,
  chainHash,
  GENESIS_HASH,
  hashStoredEvent,
} from './event-hash.js';

/** What the store writes: JSON.stringify of the event's data, members in their insertion order. */
const stored = (value: unknown) => JSON.stringify(value);

describe('the canonical form of stored JSON', () => {
  it('is byte for byte the write path library’s, for any JSON value (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = stored(value);
        expect(canonicalOfStored(text)).toBe(canonicalJson(JSON.parse(text)));
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses what the library refuses, and agrees on the rest, for any Unicode text (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'binary' }), (value) => {
        const text = stored(value);
        let expected: string | Error;
        try {
          expected = canonicalJson(JSON.parse(text));
        } catch (error) {
          expected = error as Error;
        }
        if (expected instanceof Error) expect(() => canonicalOfStored(text)).toThrow();
        else expect(canonicalOfStored(text)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('is the library’s for the awkward cases: integer-like keys, __proto__, surrogates, numbers', () => {
    const cases = [
      { '10': 1, '9': 2, a: 3, '1x': 4 },
      JSON.parse('{"__proto__": {"b": 1, "a": 2}, "z": [3, {"y": 1, "x": 2}]}'),
      { b: 'é😀', a: 'a\u2028b', c: '\u0000\u001f"\\' },
      { n: [1e21, 1e-7, -0, 0.1 + 0.2, 5e-324, 123456789012345680000] },
      { é: 1, e: 2, E: 3, ℯ: 4, '😀': 5, '\uffff': 6 },
    ];
    for (const value of cases) {
      const text = stored(value);
      expect(canonicalOfStored(text)).toBe(canonicalJson(JSON.parse(text)));
    }
  });

  it('gives the hash the write path gave the row (canonical JSON by the library)', () => {
    fc.assert(
      fc.property(
        fc.record({
          type: fc.string({ minLength: 1 }),
          schemaVersion: fc.integer({ min: 1, max: 9 }),
          data: fc.dictionary(fc.string(), fc.jsonValue()),
          metadata: fc.dictionary(fc.string(), fc.jsonValue()),
          stream: fc.string({ minLength: 1 }),
          revision: fc.nat(),
          position: fc.integer({ min: 1 }),
        }),
        (event) => {
          const row = { ...event, data: stored(event.data), metadata: stored(event.metadata) };
          const byLibrary = chainHash(
            GENESIS_HASH,
            canonicalEvent({
              ...event,
              canonicalData: canonicalJson(JSON.parse(row.data)),
              canonicalMetadata: canonicalJson(JSON.parse(row.metadata)),
            }),
          );
          expect(hashStoredEvent(GENESIS_HASH, row)).toBe(byLibrary);
        },
      ),
      { numRuns: 500 },
    );
  });
});
