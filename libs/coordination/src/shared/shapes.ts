import { RuleViolation } from '#eventsourcing/decider.js';

/**
 * Commands may come from anywhere (HTTP, process managers, migrations), so nested lists and
 * objects are checked for their shape before their fields are read.
 */
export function optionalList(value: unknown, rule: string, field: string): readonly unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new RuleViolation(rule, `${field} must be a list`, field);
  return value;
}

export function objectOf(value: unknown, rule: string, field: string): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new RuleViolation(rule, `${field} must be an object`, field);
  }
  return value as Readonly<Record<string, unknown>>;
}

/** Equal as JSON, whatever the order of object keys. */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
