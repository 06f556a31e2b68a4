import { fold, RuleViolation, type Command, type Decider, type DomainEvent } from '#eventsourcing/decider.js';
import { assertEventsMatchSchemas, registrySchemas, type SchemaLookup } from './event-schema-check.js';

type RuleViolationClass = new (...args: never[]) => RuleViolation;

export interface Then<E extends DomainEvent, S> {
  /** Asserts the exact events decided; returns them and the state they fold into. */
  then(expected: readonly E[]): { readonly events: readonly E[]; readonly state: S };
  /** Asserts a refusal of exactly this class (not a subclass) with this rule code. */
  thenRefuses(errorClass: RuleViolationClass, rule: string): RuleViolation;
}

/**
 * given(decider, past events).when(command).then(new events) | .thenRefuses(ErrorClass, rule).
 * Every decided event is validated against its type's JSON Schema (`schemaOf`, the registry).
 */
export function given<C extends Command, E extends DomainEvent, S>(
  decider: Decider<C, E, S>,
  history: readonly E[] = [],
  schemaOf: SchemaLookup = registrySchemas,
) {
  return {
    when(command: C): Then<E, S> {
      const state = fold(decider, history);
      return {
        then(expected) {
          const events = decider.decide(command, state);
          expect(events).toEqual(expected);
          assertEventsMatchSchemas(events, schemaOf);
          return { events, state: events.reduce(decider.evolve, state) };
        },
        thenRefuses(errorClass, rule) {
          let refusal: unknown;
          try {
            const events = decider.decide(command, state);
            refusal = new Error(`expected a refusal, got ${JSON.stringify(events.map((e) => e.type))}`);
          } catch (error) {
            refusal = error;
          }
          if (!(refusal instanceof RuleViolation)) throw refusal;
          expect({ class: refusal.constructor.name, rule: refusal.rule }).toEqual({
            class: errorClass.name,
            rule,
          });
          expect(refusal.constructor).toBe(errorClass);
          return refusal;
        },
      };
    },
  };
}
