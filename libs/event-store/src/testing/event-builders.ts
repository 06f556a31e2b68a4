import { randomUUID } from 'node:crypto';
import type { EventMetadata, NewEvent } from '../envelope.js';

/** Metadata as the engine would write it; override what a test is about. */
export function testMetadata(overrides: Partial<EventMetadata> = {}): EventMetadata {
  const commandId = randomUUID();
  return {
    actor: { id: 'officer-1', role: 'secretariat', state: null },
    commandId,
    correlationId: commandId,
    causationId: null,
    occurredAt: '2024-11-18T09:00:00.000Z',
    recordedAt: new Date().toISOString(),
    visibility: 'internal',
    ...overrides,
  };
}

export interface NewEventOverrides extends Partial<Omit<NewEvent, 'metadata'>> {
  readonly metadata?: Partial<EventMetadata>;
}

/** A new event with a random UUID id: `newEvent('PlanAdopted', { planId: 'plan-1' })`. */
export function newEvent(
  type: string,
  data: Readonly<Record<string, unknown>> = {},
  overrides: NewEventOverrides = {},
): NewEvent {
  const { metadata, ...rest } = overrides;
  return { id: randomUUID(), type, schemaVersion: 1, data, ...rest, metadata: testMetadata(metadata) };
}

/** `count` events of one type, numbered in their data (`{ n: 0 }`, `{ n: 1 }`, ...). */
export function newEvents(count: number, type = 'Numbered', overrides: NewEventOverrides = {}): NewEvent[] {
  return Array.from({ length: count }, (_, n) => newEvent(type, { n }, overrides));
}

/**
 * A name no other test uses, so the contract also runs against a shared, non-empty store.
 * Without a dash, so that it can serve as a stream category too.
 */
export function uniqueName(prefix = 'test'): string {
  return `${prefix}${randomUUID().replaceAll('-', '').slice(0, 12)}`;
}

/** A stream of a category of its own: `<category>-<id>`. */
export function uniqueStream(category = uniqueName('cat')): string {
  return `${category}-${randomUUID()}`;
}
