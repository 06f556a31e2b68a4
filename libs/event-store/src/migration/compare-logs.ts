import type { RecordedEvent } from '../envelope.js';
import type { EventStore } from '../event-store.js';
import { canonicalJson } from '../sqlite/event-hash.js';
import { LogChain } from './log-chain.js';
import { logEvents } from './log-pages.js';

export type DifferenceField =
  | 'missing-in-target'
  | 'extra-in-target'
  | 'id'
  | 'stream'
  | 'revision'
  | 'type'
  | 'schemaVersion'
  | 'data'
  | 'metadata';

/** An event as a difference names it. */
export interface EventSummary {
  readonly position: number;
  readonly id: string;
  readonly stream: string;
  readonly revision: number;
  readonly type: string;
}

export interface LogDifference {
  /** The event's number in the log (1: the first), the same on both sides while they agree. */
  readonly event: number;
  readonly field: DifferenceField;
  readonly source?: EventSummary;
  readonly target?: EventSummary;
}

export interface CompareResult {
  readonly same: boolean;
  /** Events found equal (the whole log when `same`). */
  readonly events: number;
  /** The audit chain (`LogChain`) over each side's equal prefix, plus the differing event when there is one. */
  readonly sourceChainHead: string;
  readonly targetChainHead: string;
  readonly difference?: LogDifference;
}

export interface CompareOptions {
  readonly pageSize?: number;
  readonly onProgress?: (events: number) => void;
}

const FIELDS = ['id', 'stream', 'revision', 'type', 'schemaVersion'] as const;

/**
 * Compares two logs event by event in log order: ids, streams, revisions, types, schema
 * versions and the canonical bytes (RFC 8785) of data and metadata, and the audit chain over
 * them; the first difference is reported with the event's number and both sides' positions.
 * Positions themselves are not compared: EventStoreDB's are byte offsets.
 */
export async function compareLogs(
  source: EventStore,
  target: EventStore,
  options: CompareOptions = {},
): Promise<CompareResult> {
  const pageSize = options.pageSize ?? 500;
  const left = logEvents(source, 0, pageSize);
  const right = logEvents(target, 0, pageSize);
  const sourceChain = new LogChain();
  const targetChain = new LogChain();
  const result = (difference?: LogDifference): CompareResult => ({
    same: difference === undefined,
    events: difference ? difference.event - 1 : sourceChain.length,
    sourceChainHead: sourceChain.head,
    targetChainHead: targetChain.head,
    ...(difference ? { difference } : {}),
  });
  try {
    for (let event = 1; ; event++) {
      const [a, b] = await Promise.all([left.next(), right.next()]);
      if (a.done && b.done) return result();
      if (b.done) return result({ event, field: 'missing-in-target', source: summary(a.value) });
      if (a.done) return result({ event, field: 'extra-in-target', target: summary(b.value) });
      const ours = sourceChain.push(a.value);
      const theirs = targetChain.push(b.value);
      const field = differingField(a.value, b.value);
      if (field || ours.hash !== theirs.hash) {
        return result({ event, field: field ?? 'data', source: summary(a.value), target: summary(b.value) });
      }
      if (event % pageSize === 0) options.onProgress?.(event);
    }
  } finally {
    await Promise.all([left.return(undefined), right.return(undefined)]);
  }
}

function differingField(a: RecordedEvent, b: RecordedEvent): DifferenceField | undefined {
  const field = FIELDS.find((name) => a[name] !== b[name]);
  if (field) return field;
  if (canonicalJson(a.data) !== canonicalJson(b.data)) return 'data';
  if (canonicalJson(a.metadata) !== canonicalJson(b.metadata)) return 'metadata';
  return undefined;
}

function summary(event: RecordedEvent): EventSummary {
  return {
    position: event.position,
    id: event.id,
    stream: event.stream,
    revision: event.revision,
    type: event.type,
  };
}
