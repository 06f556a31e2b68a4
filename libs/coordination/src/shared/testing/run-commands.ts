import { RuleViolation, type Command, type Decider, type DomainEvent } from '#eventsourcing/decider.js';
import { assertEventsMatchSchemas } from './event-schema-check.js';

export interface Step<C, E, S> {
  readonly command: C;
  readonly before: S;
  readonly events: readonly E[];
  readonly after: S;
}

/**
 * Runs commands through decide → evolve as a command handler would, skipping refused ones.
 * Anything thrown that is not a RuleViolation is a bug and escapes, and so is an accepted
 * command's event that does not match its type's JSON Schema.
 */
export function runCommands<C extends Command, E extends DomainEvent, S>(
  decider: Decider<C, E, S>,
  commands: readonly C[],
  onStep: (step: Step<C, E, S>) => void = () => undefined,
): S {
  let state = decider.initialState();
  for (const command of commands) {
    let events: readonly E[];
    try {
      events = decider.decide(command, state);
    } catch (error) {
      if (error instanceof RuleViolation) continue;
      throw error;
    }
    assertEventsMatchSchemas(events);
    const after = events.reduce(decider.evolve, state);
    onStep({ command, before: state, events, after });
    state = after;
  }
  return state;
}
