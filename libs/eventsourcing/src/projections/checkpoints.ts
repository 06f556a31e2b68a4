import type { Database, Statement } from 'better-sqlite3';

export interface Checkpoint {
  readonly version: number;
  readonly position: number;
}

/** Projection checkpoints, kept in the read-model database beside the tables they describe. */
export class Checkpoints {
  private readonly select: Statement<[string], { version: number; position: number }>;
  private readonly upsert: Statement<[string, number, number, string]>;

  constructor(db: Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS projection_checkpoints (
      name TEXT PRIMARY KEY,
      version INTEGER NOT NULL,
      position INTEGER NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`);
    this.select = db.prepare('SELECT version, position FROM projection_checkpoints WHERE name = ?');
    this.upsert = db.prepare(`INSERT INTO projection_checkpoints (name, version, position, updated_at)
      VALUES (?, ?, ?, ?)
      ON CONFLICT (name) DO UPDATE SET version = excluded.version, position = excluded.position,
        updated_at = excluded.updated_at`);
  }

  get(name: string): Checkpoint | null {
    return this.select.get(name) ?? null;
  }

  /** Must run inside the transaction that applied the events up to `position`. */
  set(name: string, version: number, position: number): void {
    this.upsert.run(name, version, position, new Date().toISOString());
  }
}
