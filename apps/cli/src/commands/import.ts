import { createReadStream, existsSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { DuplicateEventIdError, SqliteEventStore, type ExpectedRevision, type NewEvent } from '#event-store';
import { CliError, eventsPath, NO_PROGRESS, type Progress } from '../support.js';
import type { ExportedEvent } from './export.js';

export interface ImportResult {
  readonly file: string;
  /** Events written now. */
  readonly imported: number;
  /** Events already stored (same id), from an earlier, interrupted import. */
  readonly skipped: number;
  /** Imported events whose position differs from the exported one (the target log was not empty). */
  readonly moved: number;
  readonly headPosition: number;
}

const GROUP = 500;

/**
 * Appends an NDJSON export to the log of `dataDir` (created when missing), in file order, keeping
 * ids, streams, revisions, types and the whole envelope. Each stream's revision is checked
 * (`expectedRevision`), so an event can only land where it was. Events whose ids are already
 * stored are skipped by the store's idempotence: an interrupted import is simply run again.
 */
export async function importLog(
  dataDir: string,
  file: string,
  progress: Progress = NO_PROGRESS,
): Promise<ImportResult> {
  if (!existsSync(file)) throw new CliError(`${file} does not exist`, 4);
  const store = await SqliteEventStore.open(eventsPath(dataDir));
  const size = statSync(file).size;
  const input = createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let imported = 0;
  let skipped = 0;
  let moved = 0;
  let lineNumber = 0;
  let group: ExportedEvent[] = [];

  const append = async (events: ExportedEvent[]) => {
    try {
      await appendGroup(events);
    } catch (error) {
      // A group that is only partly stored (an earlier run grouped differently): event by event.
      if (!(error instanceof DuplicateEventIdError) || events.length === 1) throw error;
      for (const event of events) await appendGroup([event]);
    }
  };
  const appendGroup = async (events: ExportedEvent[]) => {
    const first = events[0];
    const expectedRevision: ExpectedRevision = first.revision === 0 ? 'no_stream' : first.revision - 1;
    const result = await store.append(first.stream, events.map(toNewEvent), { expectedRevision });
    if (result.idempotent) skipped += events.length;
    else {
      imported += events.length;
      if (result.position !== events[events.length - 1].position) moved += events.length;
    }
  };

  try {
    progress.start(size, 0);
    for await (const line of lines) {
      lineNumber++;
      if (line.trim() === '') continue;
      const event = parseLine(line, file, lineNumber);
      const previous = group[group.length - 1];
      if (
        previous &&
        (previous.stream !== event.stream ||
          event.revision !== previous.revision + 1 ||
          group.length >= GROUP)
      ) {
        await append(group);
        group = [];
        progress.update(Math.min(input.bytesRead, size));
      }
      group.push(event);
    }
    if (group.length > 0) await append(group);
    progress.update(size);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`import stopped at line ${lineNumber} of ${file}: ${(error as Error).message}`);
  } finally {
    progress.stop();
    lines.close();
    input.destroy();
  }
  const headPosition = (await store.head()).position;
  await store.close();
  return { file, imported, skipped, moved, headPosition };
}

function parseLine(line: string, file: string, lineNumber: number): ExportedEvent {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new CliError(`${file}:${lineNumber} is not JSON: ${(error as Error).message}`);
  }
  const event = value as Partial<ExportedEvent>;
  const ok =
    typeof event.id === 'string' &&
    typeof event.stream === 'string' &&
    Number.isInteger(event.revision) &&
    typeof event.type === 'string' &&
    Number.isInteger(event.schemaVersion) &&
    typeof event.data === 'object' &&
    event.data !== null &&
    typeof event.metadata === 'object' &&
    event.metadata !== null;
  if (!ok)
    throw new CliError(
      `${file}:${lineNumber} is not an exported event (id, stream, revision, type, schemaVersion, data, metadata)`,
    );
  return event as ExportedEvent;
}

function toNewEvent(event: ExportedEvent): NewEvent {
  return {
    id: event.id,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: event.metadata,
  };
}
