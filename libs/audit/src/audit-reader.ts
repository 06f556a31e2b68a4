import Database from 'better-sqlite3';
import type { LeafSource } from './merkle.js';

/** A stored event row as the audit reads it: the JSON columns as stored, and the audit hashes. */
export interface StoredRow {
  readonly position: number;
  readonly id: string;
  readonly stream: string;
  readonly revision: number;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: string;
  readonly metadata: string;
  readonly recordedAt: string;
  readonly prevHash: string | null;
  readonly hash: string | null;
}

const COLUMNS = `position, id, stream, revision, type, schema_version AS schemaVersion, data, metadata,
  recorded_at AS recordedAt, prev_hash AS prevHash, hash`;

/**
 * A read-only connection to the store's SQLite file, for the audit hashes the event store port
 * does not expose. WAL lets it read while the engine writes.
 */
export class AuditReader implements LeafSource {
  private readonly statements;

  private constructor(private readonly db: Database.Database) {
    this.statements = {
      size: db.prepare<[], [number | null]>('SELECT MAX(position) FROM events').raw(true),
      hashes: db
        .prepare<[number, number], [string | null]>(
          'SELECT hash FROM events WHERE position > ? AND position <= ? ORDER BY position',
        )
        .raw(true),
      all: db.prepare<[], StoredRow>(`SELECT ${COLUMNS} FROM events ORDER BY position`),
      at: db.prepare<[number], StoredRow>(`SELECT ${COLUMNS} FROM events WHERE position = ?`),
      byHash: db.prepare<[string], { position: number }>(
        'SELECT position FROM events WHERE hash = ? LIMIT 1',
      ),
      ofStream: db.prepare<[string], StoredRow>(
        `SELECT ${COLUMNS} FROM events WHERE stream = ? ORDER BY revision`,
      ),
    };
  }

  static open(path: string): AuditReader {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    return new AuditReader(db);
  }

  /** The position of the last event (0 when the log is empty). */
  size(): number {
    return this.statements.size.get()?.[0] ?? 0;
  }

  /** The raw event hashes of leaves `[from, to)`, that is of positions `from + 1 .. to`. */
  leaves(from: number, to: number): Buffer[] {
    return this.statements.hashes.all(from, to).map(([hash]) => {
      if (hash === null) throw new Error('an event in the range has no audit hash');
      return Buffer.from(hash, 'hex');
    });
  }

  rows(): IterableIterator<StoredRow> {
    return this.statements.all.iterate();
  }

  rowAt(position: number): StoredRow | undefined {
    return this.statements.at.get(position);
  }

  positionOfHash(hash: string): number | undefined {
    return this.statements.byHash.get(hash)?.position;
  }

  streamRows(stream: string): StoredRow[] {
    return this.statements.ofStream.all(stream);
  }

  /** The highest position SQLite ever handed out (AUTOINCREMENT), or null. */
  sequence(): number | null {
    try {
      const row = this.db
        .prepare<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'events'")
        .get();
      return row?.seq ?? null;
    } catch {
      return null;
    }
  }

  /** Runs `work` in one read transaction: every read in it sees the same log. */
  snapshot<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  close(): void {
    this.db.close();
  }
}
