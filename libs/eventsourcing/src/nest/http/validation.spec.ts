import fc from 'fast-check';
import { nestingDepth } from './validation.js';

const wrap = (value: unknown, depth: number, asArray: (level: number) => boolean): unknown => {
  let out = value;
  for (let level = 0; level < depth; level++) out = asArray(level) ? [out] : { a: out };
  return out;
};

describe('nestingDepth', () => {
  it('given a value wrapped n times in objects or arrays, is n', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 200 }),
        fc.func(fc.boolean()),
        fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
        (n, asArray, leaf) => {
          expect(nestingDepth(wrap(leaf, n, asArray))).toBe(n);
        },
      ),
    );
  });

  it('measures the deepest branch, not the first', () => {
    expect(nestingDepth({ a: 1, b: { c: [[{ d: 1 }]] }, e: [] })).toBe(5);
  });

  it('given a value nested 200,000 levels, answers without overflowing the stack and stops early when asked', () => {
    const deep = wrap(0, 200_000, () => true);
    expect(nestingDepth(deep)).toBe(200_000);
    expect(nestingDepth(deep, 32)).toBe(33);
  });
});
