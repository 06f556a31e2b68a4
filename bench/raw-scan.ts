import Database from 'better-sqlite3';

type Row = [
  position: number,
  id: string,
  stream: string,
  revision: number,
  type: string,
  schemaVersion: number,
  data: string,
  metadata: string,
];

/**
 * The baseline of a full rebuild: one sequential scan of the store's events table with
 * better-sqlite3 `.iterate()`, reading the columns the store's own reads select and parsing each
 * row's data and metadata, and nothing else: the floor under any rebuild of the same log.
 * Returns the number of events read (those whose metadata parsed, which is all of them).
 */
export function rawScan(eventsFile: string): number {
  const db = new Database(eventsFile, { readonly: true });
  try {
    const scan = db.prepare<[], Row>(
      'SELECT position, id, stream, revision, type, schema_version, data, metadata FROM events ORDER BY position',
    );
    let count = 0;
    for (const row of scan.raw(true).iterate()) {
      const data = JSON.parse(row[6]) as Record<string, unknown>;
      const metadata = JSON.parse(row[7]) as { recordedAt?: string };
      if (data !== null && metadata.recordedAt !== undefined) count++;
    }
    return count;
  } finally {
    db.close();
  }
}
