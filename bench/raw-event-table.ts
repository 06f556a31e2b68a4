import Database from 'better-sqlite3';

/** A stored event as the baseline reads it: type, data JSON, metadata JSON. */
export type RawEventRow = [type: string, data: string, metadata: string];

/**
 * The baselines' event table: the least an event log needs in SQLite (global position,
 * stream, revision, type, JSON data and metadata, one unique key), with better-sqlite3 and
 * nothing else. WAL and synchronous=NORMAL, as the engine's store.
 */
export class RawEventTable {
  readonly db: Database.Database;
  private readonly selectStream: Database.Statement<[string], RawEventRow>;
  private readonly selectLastRevision: Database.Statement<[string], [number]>;
  private readonly insertRow: Database.Statement<[string, number, string, string, string]>;

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS events (
      position INTEGER PRIMARY KEY AUTOINCREMENT,
      stream   TEXT    NOT NULL,
      revision INTEGER NOT NULL,
      type     TEXT    NOT NULL,
      data     TEXT    NOT NULL,
      metadata TEXT    NOT NULL,
      UNIQUE (stream, revision)
    )`);
    this.selectStream = this.db
      .prepare<[string], RawEventRow>(
        'SELECT type, data, metadata FROM events WHERE stream = ? ORDER BY revision',
      )
      .raw(true);
    this.selectLastRevision = this.db
      .prepare<[string], [number]>(
        'SELECT revision FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1',
      )
      .raw(true);
    this.insertRow = this.db.prepare(
      'INSERT INTO events (stream, revision, type, data, metadata) VALUES (?, ?, ?, ?, ?)',
    );
  }

  readStream(stream: string): RawEventRow[] {
    return this.selectStream.all(stream);
  }

  /** The revision of the stream's last event, -1 when it has none. */
  lastRevision(stream: string): number {
    return this.selectLastRevision.get(stream)?.[0] ?? -1;
  }

  insert(stream: string, revision: number, type: string, data: string, metadata: string): void {
    this.insertRow.run(stream, revision, type, data, metadata);
  }

  /** Runs `work` in one `BEGIN IMMEDIATE` transaction, as the store's appends do. */
  immediate<A extends unknown[], R>(work: (...args: A) => R): (...args: A) => R {
    const transaction = this.db.transaction(work);
    return (...args: A) => transaction.immediate(...args);
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
  }

  close(): void {
    this.db.close();
  }
}
