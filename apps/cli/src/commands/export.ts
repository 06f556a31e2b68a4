import {
  closeSync,
  createWriteStream,
  existsSync,
  fstatSync,
  ftruncateSync,
  openSync,
  readSync,
} from 'node:fs';
import { once } from 'node:events';
import type { RecordedEvent } from '#event-store';
import { CliError, NO_PROGRESS, openExistingStore, type Progress } from '../support.js';

/** One exported event: the whole envelope, one JSON object per line. */
export interface ExportedEvent {
  readonly position: number;
  readonly id: string;
  readonly stream: string;
  readonly revision: number;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: Readonly<Record<string, unknown>>;
  readonly metadata: RecordedEvent['metadata'];
}

export interface ExportResult {
  readonly file: string;
  /** Position the export resumed after (0 for a new file). */
  readonly resumedAfter: number;
  readonly exported: number;
  readonly lastPosition: number;
}

export function toExported(event: RecordedEvent): ExportedEvent {
  return {
    position: event.position,
    id: event.id,
    stream: event.stream,
    revision: event.revision,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: event.metadata,
  };
}

const PAGE = 1000;

/**
 * Writes the whole log to `file` as NDJSON, in log order. When the file exists it resumes: a
 * partly written last line (an interrupted export) is cut off, and the export goes on after the
 * position of the last complete line.
 */
export async function exportLog(
  dataDir: string,
  file: string,
  progress: Progress = NO_PROGRESS,
): Promise<ExportResult> {
  const resumedAfter = existsSync(file) ? prepareResume(file) : 0;
  const store = await openExistingStore(dataDir);
  const out = createWriteStream(file, { flags: 'a' });
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  let exported = 0;
  let last = resumedAfter;
  try {
    const head = (await store.head()).position;
    if (resumedAfter > head)
      throw new CliError(
        `${file} ends at position ${resumedAfter}, beyond the log's head ${head}: another log?`,
      );
    progress.start(head, resumedAfter);
    for (;;) {
      const page = await store.readAll({ after: last, limit: PAGE });
      if (page.length === 0) break;
      let chunk = '';
      for (const event of page) chunk += JSON.stringify(toExported(event)) + '\n';
      if (!out.write(chunk)) await Promise.race([once(out, 'drain'), failed]);
      exported += page.length;
      last = page[page.length - 1].position;
      progress.update(Math.min(last, head));
      if (last >= head) progress.setTotal(last);
    }
  } finally {
    progress.stop();
    out.end();
    await Promise.race([once(out, 'finish'), failed]).catch(() => undefined);
    await store.close();
  }
  return { file, resumedAfter, exported, lastPosition: last };
}

/** Cuts an unfinished last line and returns the position of the last complete one (0: none). */
export function prepareResume(file: string): number {
  const fd = openSync(file, 'r+');
  try {
    const size = fstatSync(fd).size;
    const end = lastNewline(fd, size, size);
    if (end + 1 < size) ftruncateSync(fd, end + 1);
    if (end < 0) return 0;
    const start = lastNewline(fd, end, size) + 1;
    const buffer = Buffer.alloc(end - start);
    readSync(fd, buffer, 0, buffer.length, start);
    const line = JSON.parse(buffer.toString('utf8')) as Partial<ExportedEvent>;
    if (typeof line.position !== 'number')
      throw new CliError(`${file} does not look like a kurultai export (no position on its last line)`);
    return line.position;
  } catch (error) {
    if (error instanceof SyntaxError)
      throw new CliError(`${file} does not end with a JSON line: ${error.message}`);
    throw error;
  } finally {
    closeSync(fd);
  }
}

/** Offset of the last `\n` strictly before `before`, or -1. Reads backwards in chunks. */
function lastNewline(fd: number, before: number, _size: number): number {
  const chunk = Buffer.alloc(64 * 1024);
  let end = before;
  while (end > 0) {
    const start = Math.max(0, end - chunk.length);
    const length = end - start;
    readSync(fd, chunk, 0, length, start);
    const index = chunk.subarray(0, length).lastIndexOf(0x0a);
    if (index >= 0) return start + index;
    end = start;
  }
  return -1;
}
