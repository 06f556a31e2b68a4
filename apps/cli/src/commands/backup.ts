import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { CliError, eventsPath, EXIT, NO_PROGRESS, type Progress } from '../support.js';

export interface BackupResult {
  readonly file: string;
  readonly bytes: number;
  readonly events: number;
  readonly headPosition: number;
}

/**
 * Copies `events.sqlite` online (SQLite's VACUUM INTO, in one read transaction) while the engine
 * may keep appending: the copy is one consistent state of the log (a prefix of it). It is written beside
 * the target and renamed into place once complete, and is self-contained (no WAL file).
 */
export async function backupLog(
  dataDir: string,
  file: string,
  progress: Progress = NO_PROGRESS,
): Promise<BackupResult> {
  const source = eventsPath(dataDir);
  if (!existsSync(source))
    throw new CliError(`there is no event log at ${source} (see --data-dir)`, EXIT.notFound);
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  const db = new Database(source, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    progress.start(1, 0);
    // VACUUM INTO copies one read transaction's view of the database: a consistent state of the
    // log however much the engine appends meanwhile (SQLite's page-by-page backup API starts over
    // whenever another connection writes between its steps, and may never finish under load).
    db.prepare('VACUUM INTO ?').run(partial);
    progress.update(1);
  } catch (error) {
    rmSync(partial, { force: true });
    throw new CliError(`backup of ${source} failed: ${(error as Error).message}`);
  } finally {
    progress.stop();
    db.close();
  }
  // The copy is a WAL database like its source: make it one self-contained file, then check it.
  const copy = new Database(partial);
  let events: number;
  let headPosition: number;
  try {
    copy.pragma('journal_mode = DELETE');
    const integrity = copy.pragma('quick_check', { simple: true });
    if (integrity !== 'ok') throw new CliError(`the backup failed its integrity check: ${String(integrity)}`);
    const row = copy
      .prepare('SELECT count(*) AS n, coalesce(max(position), 0) AS head FROM events')
      .get() as {
      n: number;
      head: number;
    };
    events = row.n;
    headPosition = row.head;
  } finally {
    copy.close();
  }
  renameSync(partial, file);
  return { file, bytes: statSync(file).size, events, headPosition };
}
