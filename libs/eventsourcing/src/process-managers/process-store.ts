import type { Database, Statement } from 'better-sqlite3';
import type { ProcessFailure } from './process-manager.js';

interface FailureRow {
  process_manager: string;
  event_position: number;
  event_id: string;
  command_key: string;
  rule: string | null;
  message: string;
  at: string;
}

/** Checkpoints and refused commands of the process managers, beside the read models. */
export class ProcessStore {
  private readonly getCheckpoint: Statement<[string], { position: number }>;
  private readonly setCheckpoint: Statement<[string, number]>;
  private readonly addFailure: Statement<[string, number, string, string, string | null, string, string]>;
  private readonly listFailures: Statement<[string], FailureRow>;

  constructor(private readonly db: Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS process_checkpoints (name TEXT PRIMARY KEY, position INTEGER NOT NULL) STRICT;
      CREATE TABLE IF NOT EXISTS process_failures (
        process_manager TEXT NOT NULL, event_position INTEGER NOT NULL, event_id TEXT NOT NULL,
        command_key TEXT NOT NULL, rule TEXT, message TEXT NOT NULL, at TEXT NOT NULL,
        PRIMARY KEY (process_manager, event_id, command_key)
      ) STRICT;`);
    this.getCheckpoint = db.prepare('SELECT position FROM process_checkpoints WHERE name = ?');
    this.setCheckpoint = db.prepare(
      `INSERT INTO process_checkpoints (name, position) VALUES (?, ?)
       ON CONFLICT (name) DO UPDATE SET position = excluded.position`,
    );
    this.addFailure = db.prepare(`INSERT OR REPLACE INTO process_failures VALUES (?, ?, ?, ?, ?, ?, ?)`);
    this.listFailures = db.prepare(
      'SELECT * FROM process_failures WHERE process_manager = ? ORDER BY event_position, command_key',
    );
  }

  checkpoint(name: string): number {
    return this.getCheckpoint.get(name)?.position ?? 0;
  }

  /** Records the failures of one event and moves the checkpoint past it, atomically. */
  done(name: string, position: number, failures: readonly ProcessFailure[]): void {
    this.db.transaction(() => {
      for (const f of failures) {
        this.addFailure.run(
          f.processManager,
          f.eventPosition,
          f.eventId,
          f.commandKey,
          f.rule,
          f.message,
          f.at,
        );
      }
      this.setCheckpoint.run(name, position);
    })();
  }

  failures(name: string): ProcessFailure[] {
    return this.listFailures.all(name).map((row) => ({
      processManager: row.process_manager,
      eventPosition: row.event_position,
      eventId: row.event_id,
      commandKey: row.command_key,
      rule: row.rule,
      message: row.message,
      at: row.at,
    }));
  }

  reset(name: string): void {
    this.setCheckpoint.run(name, 0);
  }
}
