import type { NewEvent, RecordedEvent } from '../envelope.js';
import { EventStoreError } from '../errors.js';
import type { ExpectedRevision } from '../event-store.js';
import { validateCount } from '../validate.js';
import { logPages } from './log-pages.js';
import { findResumePoint, type MigrationEndpoint } from './resume-point.js';

export interface CopyOptions {
  /** Events read from the source at a time (default 500): what bounds the memory. */
  readonly batchSize?: number;
  /** Stops between two appends; the target then holds a prefix of the source and can be resumed. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: CopyProgress) => void;
}

export interface CopyProgress {
  /** Events of the source the target holds now (those of an earlier run included). */
  readonly copied: number;
  /** Of which copied by this run. */
  readonly copiedNow: number;
  /** Source position of the last copied event, and of the source's last event when the copy began. */
  readonly sourcePosition: number;
  readonly sourceHead: number;
}

export interface CopyResult {
  /** Events the target already held when this run began (an interrupted copy). */
  readonly resumedAfter: number;
  readonly copiedNow: number;
  /** Events in the target now. */
  readonly events: number;
  readonly sourcePosition: number;
  readonly targetPosition: number;
}

export const DEFAULT_BATCH_SIZE = 500;

/**
 * Copies the whole global log of `source` to `target` in order: ids, streams, revisions, types,
 * schema versions, data and metadata as stored. Each run of consecutive events of one stream is
 * one atomic append expecting the revision the source had before it, so the target is always a
 * prefix of the source, an interrupted copy resumes where it stopped, and nothing is doubled (a
 * repeated append is recognised by its event ids).
 */
export async function copyLog(
  source: MigrationEndpoint,
  target: MigrationEndpoint,
  options: CopyOptions = {},
): Promise<CopyResult> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  validateCount('batchSize', batchSize, 1);
  options.signal?.throwIfAborted();
  const resume = await findResumePoint(source, target);
  const sourceHead = (await source.store.head()).position;
  let copied = resume.copied;
  let sourcePosition = resume.after;
  let targetPosition = resume.copied === 0 ? 0 : (await target.store.head()).position;
  for await (const page of logPages(source.store, resume.after, batchSize)) {
    for (const run of streamRuns(page)) {
      options.signal?.throwIfAborted();
      targetPosition = await appendRun(target, run);
      copied += run.length;
      sourcePosition = run[run.length - 1].position;
    }
    options.onProgress?.({ copied, copiedNow: copied - resume.copied, sourcePosition, sourceHead });
  }
  return {
    resumedAfter: resume.copied,
    copiedNow: copied - resume.copied,
    events: copied,
    sourcePosition,
    targetPosition,
  };
}

/** Splits a page into runs of consecutive events of one stream. */
function streamRuns(page: readonly RecordedEvent[]): RecordedEvent[][] {
  const runs: RecordedEvent[][] = [];
  for (const event of page) {
    const run = runs[runs.length - 1];
    const previous = run?.[run.length - 1];
    if (previous && previous.stream === event.stream && previous.revision + 1 === event.revision)
      run.push(event);
    else runs.push([event]);
  }
  return runs;
}

async function appendRun(target: MigrationEndpoint, run: readonly RecordedEvent[]): Promise<number> {
  const first = run[0];
  const last = run[run.length - 1];
  const expectedRevision: ExpectedRevision = first.revision === 0 ? 'no_stream' : first.revision - 1;
  const result = await target.store.append(first.stream, run.map(toNewEvent), { expectedRevision });
  if (result.revision !== last.revision) {
    throw new EventStoreError(
      `${first.stream} ended at revision ${result.revision} in the target, not ${last.revision} as in the source`,
    );
  }
  return result.position;
}

function toNewEvent(event: RecordedEvent): NewEvent {
  return {
    id: event.id,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: event.metadata,
  };
}
