import { RuleViolation } from '#eventsourcing/decider.js';

/** Refuses a missing or blank string where the domain needs one (ids, names, places). */
export function assertText(value: unknown, rule: string, field: string): asserts value is string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new RuleViolation(rule, `${field} is required`, field);
  }
}

/** Refuses a present but blank optional string; absent (undefined or null) is fine. */
export function assertOptionalText(value: unknown, rule: string, field: string): void {
  if (value === undefined || value === null) return;
  assertText(value, rule, field);
}

/** Refuses a value outside a closed list, e.g. an activity kind the domain does not know. */
export function assertOneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  rule: string,
  field: string,
): asserts value is T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new RuleViolation(rule, `${field} must be one of ${allowed.join(', ')}`, field);
  }
}
