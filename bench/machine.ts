import { arch, cpus, platform, release, tmpdir, totalmem, type } from 'node:os';

export interface Machine {
  readonly os: string;
  readonly cpuModel: string;
  readonly cpuCount: number;
  readonly memoryGb: number;
  readonly node: string;
  readonly sqlite: string;
  /** Where the SQLite files were written (`TMPDIR`). */
  readonly tempDir: string;
  readonly date: string;
}

export function describeMachine(sqliteVersion: string): Machine {
  const processors = cpus();
  return {
    os: `${type()} ${release()} (${platform()}/${arch()})`,
    cpuModel: processors[0]?.model.trim() ?? 'unknown',
    cpuCount: processors.length,
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    sqlite: sqliteVersion,
    tempDir: tmpdir(),
    date: new Date().toISOString(),
  };
}
