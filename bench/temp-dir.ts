import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder under the system's temp folder for one benchmark's SQLite files. */
export interface TempDir {
  readonly path: string;
  file(name: string): string;
  remove(): void;
}

export function tempDir(name: string): TempDir {
  const path = mkdtempSync(join(tmpdir(), `kurultai-bench-${name}-`));
  return {
    path,
    file: (file) => join(path, file),
    remove: () => rmSync(path, { recursive: true, force: true }),
  };
}

/** Removes a SQLite file with its WAL and shared-memory companions. */
export function removeDatabase(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}
