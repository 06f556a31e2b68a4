import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** What a refused request must leave as it was: the log's head and every table beside the log. */
export interface EngineState {
  readonly head: number;
  /** `file/table` → a hash of its rows (sorted: the order a table returns them in is not its content). */
  readonly tables: Readonly<Record<string, string>>;
}

/**
 * Reads the state from the data folder, as another process would: the read models, the
 * subscriptions, the API keys (every SQLite file except the log itself, whose head is asked of
 * the engine), each table dumped in full.
 */
export async function engineState(url: string, dataDir: string): Promise<EngineState> {
  const ready = (await (await fetch(`${url}/health/ready`)).json()) as { headPosition: number };
  const tables: Record<string, string> = {};
  for (const file of readdirSync(dataDir)) {
    if (!file.endsWith('.sqlite') || file === 'events.sqlite' || file.includes('.next.')) continue;
    const db = new Database(join(dataDir, file), { readonly: true, fileMustExist: true });
    try {
      const names = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .pluck()
        .all() as string[];
      for (const name of names) {
        // Identifier from sqlite_master itself, quoted: nothing a request sent reaches this text.
        const rows = db
          .prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`)
          .raw()
          .all();
        const lines = rows.map((row) =>
          JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)),
        );
        tables[`${file}/${name}`] = createHash('sha256').update(lines.sort().join('\n')).digest('hex');
      }
    } finally {
      db.close();
    }
  }
  return { head: ready.headPosition, tables };
}

/** The tables whose content differs between two states (and the head, if it moved). */
export function differences(before: EngineState, after: EngineState): string[] {
  const out: string[] = [];
  if (before.head !== after.head) out.push(`log head ${before.head} → ${after.head}`);
  for (const name of new Set([...Object.keys(before.tables), ...Object.keys(after.tables)])) {
    if (before.tables[name] !== after.tables[name]) out.push(name);
  }
  return out;
}
