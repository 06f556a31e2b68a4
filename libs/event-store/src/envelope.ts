/** Who caused an event: written into every event's metadata. */
export interface Actor {
  readonly id: string;
  readonly role: 'secretariat' | 'focal-point' | 'auditor' | 'service' | 'system' | 'anonymous';
  /** The member or observer state a focal point acts for. */
  readonly state?: string | null;
}

/** Where a recorded fact comes from: minutes, a press release, a letter. */
export interface SourceReference {
  readonly kind: string;
  readonly title?: string;
  readonly url?: string;
  readonly date?: string;
}

export type Visibility = 'public' | 'internal';

/** The metadata every stored event carries (DESIGN §4). */
export interface EventMetadata {
  readonly actor: Actor;
  readonly commandId: string;
  readonly commandType?: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  /** When the thing happened, as told by the user (ISO 8601). */
  readonly occurredAt: string;
  /** When the engine recorded it (ISO 8601). */
  readonly recordedAt: string;
  readonly source?: SourceReference | null;
  readonly visibility: Visibility;
  readonly [extra: string]: unknown;
}

/** An event about to be appended. The id is the de-duplication key. */
export interface NewEvent {
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: Readonly<Record<string, unknown>>;
  readonly metadata: EventMetadata;
}

/** An event as the store holds it. */
export interface RecordedEvent extends NewEvent {
  readonly stream: string;
  /** Zero-based position of the event within its stream. */
  readonly revision: number;
  /** One-based position of the event in the global log. */
  readonly position: number;
}

/**
 * The category of a stream is the part before the first dash:
 * `plan-diaspora-2025` belongs to `plan` (EventStoreDB's `$ce-` convention).
 */
export function streamCategory(stream: string): string {
  const dash = stream.indexOf('-');
  return dash === -1 ? stream : stream.slice(0, dash);
}
