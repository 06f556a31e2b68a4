import { RuleViolation, type Command, type Decider, type DomainEvent } from '#eventsourcing/decider.js';
import { given } from './given-when-then.js';

/**
 * One stream told step by step: each accepted step is checked against the history so far and
 * its events are appended; refused steps leave the history as it was.
 */
export function story<C extends Command, E extends DomainEvent, S>(decider: Decider<C, E, S>) {
  const history: E[] = [];
  return {
    history: history as readonly E[],
    step(command: C, expected: readonly E[]): void {
      history.push(...given(decider, history).when(command).then(expected).events);
    },
    refused(command: C, rule: string): RuleViolation {
      return given(decider, history).when(command).thenRefuses(RuleViolation, rule);
    },
  };
}
