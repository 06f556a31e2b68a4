import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { newEvent } from '../testing/event-builders.js';
import { canonicalEvent, canonicalJson } from './event-hash.js';
import { serializeAll } from './event-rows.js';

describe('the canonical bytes of an event', () => {
  it('are canonicalize of the whole object, whatever the strings and integers', () => {
    fc.assert(
      fc.property(
        fc.record({
          type: fc.string({ unit: 'binary' }),
          stream: fc.string({ unit: 'binary' }),
          schemaVersion: fc.integer({ min: 1 }),
          revision: fc.nat(),
          position: fc.maxSafeNat(),
          data: fc.dictionary(fc.string(), fc.jsonValue()),
          metadata: fc.dictionary(fc.string(), fc.jsonValue()),
        }),
        (fields) => {
          const whole = (() => {
            try {
              return canonicalize(fields);
            } catch {
              return 'refused';
            }
          })();
          const written = (() => {
            try {
              return canonicalEvent({
                ...fields,
                canonicalData: canonicalJson(fields.data),
                canonicalMetadata: canonicalJson(fields.metadata),
              });
            } catch {
              return 'refused';
            }
          })();
          expect(written).toBe(whole);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('write the metadata an append shares once, and each event with its own otherwise', () => {
    const shared = newEvent('A').metadata;
    const [a, b, c] = [newEvent('A'), newEvent('B'), newEvent('C')];
    const events = [{ ...a, metadata: shared }, { ...b, metadata: shared }, c];
    const serialized = serializeAll(events);
    expect(serialized.map((s) => s.metadata)).toEqual(events.map((e) => JSON.stringify(e.metadata)));
    expect(serialized.map((s) => s.canonicalMetadata)).toEqual(events.map((e) => canonicalize(e.metadata)));
  });
});
