import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export interface Snapshot {
  readonly position: number;
  readonly file: string;
}

const NAME = /^read-models-(\d+)\.sqlite$/;

/**
 * Copies of the live read-model database at known positions, taken with SQLite's online backup
 * while the engine runs. An "as of" replay starts from the nearest one instead of from zero.
 */
export class Snapshots {
  private taking: Promise<void> | null = null;
  private last = 0;

  constructor(
    private readonly folder: string,
    /** Take one when the read models have moved this many events past the last one. */
    readonly every: number,
    private readonly keep = 8,
  ) {
    mkdirSync(folder, { recursive: true });
    this.last = this.list().at(-1)?.position ?? 0;
  }

  list(): Snapshot[] {
    return readdirSync(this.folder)
      .map((file) => NAME.exec(file))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ position: Number(m[1]), file: join(this.folder, m[0]) }))
      .sort((a, b) => a.position - b.position);
  }

  /** The newest snapshot at or before `position`. */
  nearest(position: number): Snapshot | null {
    return (
      this.list()
        .filter((s) => s.position <= position)
        .at(-1) ?? null
    );
  }

  /** Opens a copy of a snapshot in memory, to replay further events into. */
  load(snapshot: Snapshot): Database.Database {
    return new Database(readFileSync(snapshot.file));
  }

  /** Called after each batch the live runner commits; takes a snapshot when one is due. */
  maybeTake(live: Database.Database, position: number): void {
    if (this.every <= 0 || this.taking || position - this.last < this.every) return;
    this.taking = this.take(live).finally(() => (this.taking = null));
  }

  /** Waits for a snapshot in progress (before closing the live database). */
  async settle(): Promise<void> {
    await this.taking;
  }

  private async take(live: Database.Database): Promise<void> {
    const partial = join(this.folder, `partial-${process.pid}.sqlite`);
    await live.backup(partial);
    // The copy's own checkpoints say which position it holds, whatever was applied during the copy.
    const copy = new Database(partial);
    // A copy of a WAL database is marked WAL in its header, and SQLite cannot open such an image
    // in memory: make it a rollback-journal file so `load` can deserialize it.
    copy.pragma('journal_mode = DELETE');
    const row = copy.prepare('SELECT MIN(position) AS position FROM projection_checkpoints').get() as {
      position: number | null;
    };
    copy.close();
    const position = row.position ?? 0;
    renameSync(partial, join(this.folder, `read-models-${position}.sqlite`));
    this.last = position;
    for (const old of this.list().slice(0, -this.keep)) rmSync(old.file, { force: true });
  }
}
