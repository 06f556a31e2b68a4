import type { RecordedEvent } from '../envelope.js';
import { EventStoreError, StreamNotFoundError } from '../errors.js';
import type { EventStore } from '../event-store.js';
import { logPages } from './log-pages.js';

/** One side of a migration: the store, and whether its positions count the events (1, 2, 3…). */
export interface MigrationEndpoint {
  readonly store: EventStore;
  readonly positionsAreOrdinals: boolean;
}

/** The target holds events that are not the start of the source's log. */
export class TargetNotACopyError extends EventStoreError {}

/** Where an interrupted copy stands. */
export interface ResumePoint {
  /** How many events of the source (its first ones) the target already holds. */
  readonly copied: number;
  /** The source position of the last of them (0: none). */
  readonly after: number;
}

const SCAN_PAGE = 500;

/**
 * Finds how much of the source the target holds. A copy appends in log order, one atomic append
 * at a time, so an interrupted one leaves the first N events of the source, and finding N needs
 * no marker: the target's last event when its positions count events (SQLite), a binary search
 * over the source when the source's do, else a scan of the source.
 */
export async function findResumePoint(
  source: MigrationEndpoint,
  target: MigrationEndpoint,
): Promise<ResumePoint> {
  const head = await target.store.head();
  if (head.position === 0) return { copied: 0, after: 0 };
  if (target.positionsAreOrdinals) return fromTargetTail(source.store, target.store, head.position);
  if (source.positionsAreOrdinals) return bySearch(source.store, target.store, head.recordedAt);
  return byScan(source.store, target.store);
}

async function fromTargetTail(source: EventStore, target: EventStore, count: number): Promise<ResumePoint> {
  const [last] = await target.readAll({ after: count - 1, limit: 1 });
  const there = last && (await eventAt(source, last.stream, last.revision));
  if (!last || there?.id !== last.id) {
    throw new TargetNotACopyError(
      `the target's last event (${last?.id ?? 'none'}, ${last?.stream}@${last?.revision}) is not in the source: the target is not a copy of it`,
    );
  }
  return { copied: count, after: there.position };
}

/** The largest k whose first k source events are all in the target (membership is a prefix). */
async function bySearch(
  source: EventStore,
  target: EventStore,
  tailRecordedAt: string | null,
): Promise<ResumePoint> {
  const size = (await source.head()).position;
  const sourceAt = async (k: number) => (await source.readAll({ after: k - 1, limit: 1 }))[0];
  let low = 0; // known to be held
  let high = size; // upper bound
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (await holds(target, await sourceAt(middle))) low = middle;
    else high = middle - 1;
  }
  const last = low === 0 ? undefined : await sourceAt(low);
  if (!last || last.metadata.recordedAt !== tailRecordedAt) {
    throw new TargetNotACopyError(
      `the target holds events, but ${last ? `its last one is not event ${low} of the source` : 'not the first event of the source'}: the target is not a copy of it`,
    );
  }
  return { copied: low, after: last.position };
}

async function byScan(source: EventStore, target: EventStore): Promise<ResumePoint> {
  let copied = 0;
  let after = 0;
  for await (const page of logPages(source, 0, SCAN_PAGE)) {
    for (const event of page) {
      if (!(await holds(target, event))) {
        if (copied === 0)
          throw new TargetNotACopyError('the target holds events, but not the first event of the source');
        return { copied, after };
      }
      copied++;
      after = event.position;
    }
  }
  return { copied, after };
}

/** Whether the target holds `event` where the source has it; another event there is a conflict. */
async function holds(target: EventStore, event: RecordedEvent): Promise<boolean> {
  const there = await eventAt(target, event.stream, event.revision);
  if (there === undefined) return false;
  if (there.id !== event.id) {
    throw new TargetNotACopyError(
      `${event.stream}@${event.revision} is ${there.id} in the target but ${event.id} in the source`,
    );
  }
  return true;
}

async function eventAt(
  store: EventStore,
  stream: string,
  revision: number,
): Promise<RecordedEvent | undefined> {
  try {
    const [event] = await store.readStream(stream, { fromRevision: revision, limit: 1 });
    return event?.revision === revision ? event : undefined;
  } catch (error) {
    if (error instanceof StreamNotFoundError) return undefined;
    throw error;
  }
}
