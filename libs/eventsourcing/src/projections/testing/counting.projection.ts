import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '#event-store';
import type { Projection } from '../projection.js';
import { statementsFor } from '../statements.js';

export interface CountingOptions {
  /** Checkpoint name; its table names are derived from it (default `counting`). */
  readonly name?: string;
  readonly version?: number;
  readonly eventTypes?: readonly string[];
  /** `apply` throws for the events this matches (a projection with a bug). */
  readonly failOn?: (event: RecordedEvent) => boolean;
}

/** A test projection that notices when an event reaches it twice or out of order. */
export interface CountingProjection extends Projection {
  /** Events this instance applied (kept in memory): tells a resumed runner from a replay. */
  readonly applied: number;
  /** Changeable, so that a test can "fix the bug" and start again. */
  failOn: ((event: RecordedEvent) => boolean) | undefined;
  /** The tables it owns, for comparisons. */
  readonly tables: readonly string[];
}

/**
 * Counts events per stream (`<name>_streams`) and keeps the running list of every event it
 * applied (`<name>_log`). The list's primary key is the global position and `apply` refuses
 * a position that is not above the last one, so applying an event twice, or going back, fails
 * the runner instead of passing unnoticed.
 */
export function countingProjection(options: CountingOptions = {}): CountingProjection {
  const name = options.name ?? 'counting';
  const prefix = `rm_${name.replace(/[^a-z0-9]/gi, '_')}`;
  const streams = `${prefix}_streams`;
  const log = `${prefix}_log`;
  const statements = statementsFor((db: Database) => ({
    last: db.prepare<[], { position: number | null }>(`SELECT MAX(position) AS position FROM ${log}`),
    append: db.prepare(
      `INSERT INTO ${log} (position, seq, event_id, stream, revision, type)
       VALUES (?, (SELECT COUNT(*) FROM ${log}), ?, ?, ?, ?)`,
    ),
    count: db.prepare(
      `INSERT INTO ${streams} (stream, events, first_position, last_position) VALUES (?, 1, ?, ?)
       ON CONFLICT (stream) DO UPDATE SET events = events + 1, last_position = excluded.last_position`,
    ),
  }));
  let applied = 0;

  return {
    name,
    version: options.version ?? 1,
    ...(options.eventTypes ? { eventTypes: options.eventTypes } : {}),
    failOn: options.failOn,
    tables: [streams, log],
    get applied() {
      return applied;
    },

    setup(db: Database): void {
      db.exec(`
        CREATE TABLE IF NOT EXISTS ${streams} (
          stream TEXT PRIMARY KEY,
          events INTEGER NOT NULL,
          first_position INTEGER NOT NULL,
          last_position INTEGER NOT NULL
        ) STRICT;
        CREATE TABLE IF NOT EXISTS ${log} (
          position INTEGER PRIMARY KEY,
          seq INTEGER NOT NULL UNIQUE,
          event_id TEXT NOT NULL UNIQUE,
          stream TEXT NOT NULL,
          revision INTEGER NOT NULL,
          type TEXT NOT NULL
        ) STRICT;`);
    },

    reset(db: Database): void {
      statements.forget(db);
      db.exec(`DROP TABLE IF EXISTS ${streams}; DROP TABLE IF EXISTS ${log};`);
    },

    apply(db: Database, event: RecordedEvent): void {
      if (this.failOn?.(event)) throw new Error(`${name} cannot apply ${event.type} at ${event.position}`);
      const s = statements(db);
      const last = s.last.get()?.position ?? 0;
      if (event.position <= last) {
        throw new Error(
          `${name} got position ${event.position} after ${last}: applied twice or out of order`,
        );
      }
      s.append.run(event.position, event.id, event.stream, event.revision, event.type);
      s.count.run(event.stream, event.position, event.position);
      applied++;
    },
  };
}
