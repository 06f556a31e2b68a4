import Database from 'better-sqlite3';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CliError, eventsPath, EXIT, readModelsPath } from '../support.js';

export interface LogStats {
  readonly dataDir: string;
  readonly events: number;
  readonly streams: number;
  readonly head: { readonly position: number; readonly recordedAt: string | null };
  readonly byCategory: Readonly<Record<string, number>>;
  readonly byType: Readonly<Record<string, number>>;
  readonly files: Readonly<Record<string, number>>;
  readonly projections: readonly { name: string; version: number; position: number; behind: number }[];
  readonly processManagers: readonly { name: string; position: number }[];
}

/** What is in a data folder: read from the files (read-only), whether or not the engine runs. */
export function logStats(dataDir: string): LogStats {
  const path = eventsPath(dataDir);
  if (!existsSync(path))
    throw new CliError(`there is no event log at ${path} (see --data-dir)`, EXIT.notFound);
  const db = new Database(path, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    const totals = db
      .prepare('SELECT count(*) AS events, count(DISTINCT stream) AS streams FROM events')
      .get() as { events: number; streams: number };
    const head = db
      .prepare('SELECT position, recorded_at AS recordedAt FROM events ORDER BY position DESC LIMIT 1')
      .get() as { position: number; recordedAt: string } | undefined;
    const grouped = (column: 'category' | 'type') =>
      Object.fromEntries(
        (
          db
            .prepare(
              `SELECT ${column} AS key, count(*) AS n FROM events GROUP BY ${column} ORDER BY n DESC, key`,
            )
            .all() as { key: string; n: number }[]
        ).map((row) => [row.key, row.n]),
      );
    const headPosition = head?.position ?? 0;
    return {
      dataDir,
      events: totals.events,
      streams: totals.streams,
      head: { position: headPosition, recordedAt: head?.recordedAt ?? null },
      byCategory: grouped('category'),
      byType: grouped('type'),
      files: fileSizes(dataDir),
      ...checkpoints(dataDir, headPosition),
    };
  } finally {
    db.close();
  }
}

function fileSizes(dataDir: string): Record<string, number> {
  const sizes: Record<string, number> = {};
  for (const name of readdirSync(dataDir)) {
    const full = join(dataDir, name);
    const stat = statSync(full);
    if (stat.isFile()) sizes[name] = stat.size;
    else if (stat.isDirectory())
      sizes[`${name}/`] = readdirSync(full).reduce((sum, f) => sum + (statSync(join(full, f)).size || 0), 0);
  }
  return sizes;
}

function checkpoints(dataDir: string, head: number): Pick<LogStats, 'projections' | 'processManagers'> {
  const path = readModelsPath(dataDir);
  if (!existsSync(path)) return { projections: [], processManagers: [] };
  const db = new Database(path, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    const has = (table: string) =>
      db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table) !== undefined;
    const projections = has('projection_checkpoints')
      ? (
          db.prepare('SELECT name, version, position FROM projection_checkpoints ORDER BY name').all() as {
            name: string;
            version: number;
            position: number;
          }[]
        ).map((p) => ({ ...p, behind: Math.max(0, head - p.position) }))
      : [];
    const processManagers = has('process_checkpoints')
      ? (db.prepare('SELECT name, position FROM process_checkpoints ORDER BY name').all() as {
          name: string;
          position: number;
        }[])
      : [];
    return { projections, processManagers };
  } finally {
    db.close();
  }
}

/** The stats as a few readable lines. */
export function formatStats(stats: LogStats): string {
  const lines = [
    `data folder   ${stats.dataDir}`,
    `events        ${stats.events} in ${stats.streams} streams`,
    `head          position ${stats.head.position}${stats.head.recordedAt ? ` recorded ${stats.head.recordedAt}` : ''}`,
    'by category   ' +
      Object.entries(stats.byCategory)
        .map(([k, n]) => `${k} ${n}`)
        .join(', '),
    'by type       ' +
      Object.entries(stats.byType)
        .map(([k, n]) => `${k} ${n}`)
        .join(', '),
    'files         ' +
      Object.entries(stats.files)
        .map(([k, n]) => `${k} ${n} B`)
        .join(', '),
    'projections   ' +
      (stats.projections.map((p) => `${p.name} v${p.version} @${p.position} (-${p.behind})`).join(', ') ||
        'none'),
    'processes     ' + (stats.processManagers.map((p) => `${p.name} @${p.position}`).join(', ') || 'none'),
  ];
  return lines.join('\n') + '\n';
}
