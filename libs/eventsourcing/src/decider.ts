/**
 * The pure domain kernel: no Nest, no I/O. Domain code imports only this file
 * (as `#eventsourcing/decider.js`) and the shared envelope types.
 */

/** What the engine tells `decide` about a command besides its data. Time is passed in. */
export interface CommandMetadata {
  readonly actor: { readonly id: string; readonly role: string; readonly state?: string | null };
  /** When the thing happened, as told by the user (ISO 8601). */
  readonly occurredAt: string;
  /** When the engine records it (ISO 8601): the decider's "now". */
  readonly recordedAt: string;
}

export interface Command<T extends string = string, D = unknown> {
  readonly type: T;
  readonly data: D;
  readonly metadata: CommandMetadata;
}

export interface DomainEvent<T extends string = string, D = unknown> {
  readonly type: T;
  readonly data: D;
}

/** `decide(command, state) → events` and `evolve(state, event) → state`; state is a fold. */
export interface Decider<C extends Command, E extends DomainEvent, S> {
  readonly initialState: () => S;
  readonly evolve: (state: S, event: E) => S;
  readonly decide: (command: C, state: S) => readonly E[];
}

/**
 * A domain rule refused the command (HTTP 422). `rule` is a stable machine-readable code,
 * the message says why in words an officer understands.
 */
export class RuleViolation extends Error {
  constructor(
    readonly rule: string,
    message: string,
    /** The command field the refusal is about, when there is one. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'RuleViolation';
  }
}

/** The command conflicts with the entity's current state (HTTP 409), e.g. creating it twice. */
export class StateConflict extends RuleViolation {
  constructor(rule: string, message: string, field?: string) {
    super(rule, message, field);
    this.name = 'StateConflict';
  }
}

/** A referenced entity does not exist (HTTP 404 when it is the target, 422 when it is cited). */
export class EntityNotFound extends RuleViolation {
  constructor(rule: string, message: string, field?: string) {
    super(rule, message, field);
    this.name = 'EntityNotFound';
  }
}

/** Folds events into state: `events.reduce(evolve, initialState())`. */
export function fold<E extends DomainEvent, S>(
  decider: Pick<Decider<never, E, S>, 'initialState' | 'evolve'>,
  events: Iterable<E>,
): S {
  let state = decider.initialState();
  for (const event of events) state = decider.evolve(state, event);
  return state;
}

/** Exhaustiveness check at the end of a `switch` on `type`. */
export function unreachable(value: never): never {
  throw new Error(`unhandled case ${JSON.stringify(value)}`);
}
