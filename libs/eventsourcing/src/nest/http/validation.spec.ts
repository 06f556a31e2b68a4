import fc from 'fast-check';
import { MetadataStorage, ValidationTypes } from 'class-validator';
import { nestingDepth, rememberValidationRules } from './validation.js';

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

describe('rememberValidationRules', () => {
  const fresh = () => {
    const storage = new MetadataStorage();
    rememberValidationRules(storage);
    return storage;
  };
  type ValidationMetadata = Parameters<MetadataStorage['addValidationMetadata']>[0];
  /** A rule as a decorator records it: only the fields the storage looks at. */
  const rule = (target: object, propertyName: string, name: string): ValidationMetadata =>
    ({
      type: ValidationTypes.CUSTOM_VALIDATION,
      name,
      target,
      propertyName,
      constraints: [],
    }) as unknown as ValidationMetadata;

  class Parent {}
  class Child extends Parent {}

  it('given the rules of a class were looked up, when a rule is added to its parent, then the next look-up has it', () => {
    const storage = fresh();
    storage.addValidationMetadata(rule(Child, 'a', 'first'));
    expect(storage.getTargetValidationMetadatas(Child, '', false, false).map((m) => m.name)).toEqual([
      'first',
    ]);
    storage.addValidationMetadata(rule(Parent, 'b', 'inherited'));
    expect(storage.getTargetValidationMetadatas(Child, '', false, false).map((m) => m.name)).toEqual([
      'first',
      'inherited',
    ]);
  });

  it('given rules with and without groups, then every look-up answers as class-validator itself does', () => {
    const remembered = fresh();
    const plain = new MetadataStorage();
    const answers = (storage: MetadataStorage) =>
      [undefined, [], ['g'], ['other']].flatMap((groups) =>
        [false, true].flatMap((always) =>
          [false, true].map((strict) =>
            storage.getTargetValidationMetadatas(Child, '', always, strict, groups).map((m) => m.name),
          ),
        ),
      );
    const add = (metadata: () => ValidationMetadata) => {
      remembered.addValidationMetadata(metadata());
      plain.addValidationMetadata(metadata());
      expect(answers(remembered)).toEqual(answers(plain));
    };
    add(() => Object.assign(rule(Child, 'a', 'grouped'), { groups: ['g'] }));
    add(() => rule(Child, 'b', 'plain'));
    add(() => Object.assign(rule(Parent, 'c', 'always'), { always: true }));
    expect(new Set(answers(remembered).map((names) => names.join()))).toContain('grouped,plain,always');
  });

  it('given a caller changed the list it got, then the next caller gets the rules unchanged', () => {
    const storage = fresh();
    storage.addValidationMetadata(rule(Child, 'a', 'only'));
    storage.getTargetValidationMetadatas(Child, '', false, false).pop();
    expect(storage.getTargetValidationMetadatas(Child, '', false, false)).toHaveLength(1);
  });
});
