import {
  RuleViolation,
  StateConflict,
  type Command,
  type Decider,
  type DomainEvent,
} from '#eventsourcing/decider.js';
import type { SchemaLookup } from './event-schema-check.js';
import { given as givenWithSchemas } from './given-when-then.js';

type Counted = DomainEvent<'Counted', { readonly n: number }>;
type Count = Command<'Count', { readonly n: number }>;

/** A counter that refuses to count the same number twice, and negative numbers. */
const counter: Decider<Count, Counted, readonly number[]> = {
  initialState: () => [],
  evolve: (state, event) => [...state, event.data.n],
  decide: ({ data: { n } }, state) => {
    if (n < 0) throw new RuleViolation('count.negative', 'no negative numbers');
    if (state.includes(n)) throw new StateConflict('count.twice', 'counted already');
    if (n === 13) throw new Error('bug');
    return [{ type: 'Counted', data: { n } }];
  },
};
const count = (n: number): Count => ({
  type: 'Count',
  data: { n },
  metadata: { actor: { id: 'a', role: 'secretariat' }, occurredAt: '2024-11-18', recordedAt: '2024-11-18' },
});
const counted = (n: number): Counted => ({ type: 'Counted', data: { n } });

/** The counter's events are whole numbers below 100; 42 is decided as a string to break that. */
const countedSchema = {
  type: 'object',
  required: ['n'],
  properties: { n: { type: 'integer', maximum: 99 } },
  additionalProperties: false,
};
const counterSchemas: SchemaLookup = (type) => (type === 'Counted' ? countedSchema : undefined);
const given = (decider: typeof counter, history: readonly Counted[] = []) =>
  givenWithSchemas(decider, history, counterSchemas);

describe('given/when/then', () => {
  it('checks the decided events and returns the new state', () => {
    const { state } = given(counter, [counted(1)])
      .when(count(2))
      .then([counted(2)]);
    expect(state).toEqual([1, 2]);
  });

  it('fails when other events are decided', () => {
    expect(() =>
      given(counter)
        .when(count(2))
        .then([counted(3)]),
    ).toThrow();
  });

  it('checks the refusal class exactly, and its rule', () => {
    const refusal = given(counter, [counted(1)])
      .when(count(1))
      .thenRefuses(StateConflict, 'count.twice');
    expect(refusal.message).toBe('counted already');
    expect(() =>
      given(counter, [counted(1)])
        .when(count(1))
        .thenRefuses(RuleViolation, 'count.twice'),
    ).toThrow();
    expect(() => given(counter).when(count(-1)).thenRefuses(RuleViolation, 'count.other')).toThrow();
  });

  it('fails when a decided event does not match its JSON Schema, or its type has none', () => {
    expect(() =>
      given(counter)
        .when(count(100))
        .then([counted(100)]),
    ).toThrow(/Counted does not match its schema: \/n must be <= 99/);
    expect(() =>
      givenWithSchemas(counter)
        .when(count(1))
        .then([counted(1)]),
    ).toThrow('the event type Counted has no JSON Schema');
  });

  it('fails when nothing is refused, and lets bugs through', () => {
    expect(() => given(counter).when(count(1)).thenRefuses(RuleViolation, 'count.negative')).toThrow(
      /expected a refusal/,
    );
    expect(() => given(counter).when(count(13)).thenRefuses(RuleViolation, 'count.negative')).toThrow('bug');
  });
});
