import { statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { SqliteEventStore } from '#event-store';
import { tempDir, type TempDir } from './temp-dir.js';
import { writeWorldLog, type WorldLog } from './world-log.js';

/** A generated log on disk. */
export interface LogFile {
  readonly file: string;
  readonly log: WorldLog;
  /** How long writing it through the store's `append` took. */
  readonly writeMs: number;
  readonly megabytes: number;
}

/**
 * The generated logs of one run, one file per size, written once and shared by the rounds and
 * the benchmarks that read the same size; removed at the end of the run.
 */
export class WorldLogs {
  private readonly dir: TempDir = tempDir('logs');
  private readonly files = new Map<number, Promise<LogFile>>();

  get(events: number): Promise<LogFile> {
    let file = this.files.get(events);
    if (!file) {
      file = this.write(events);
      this.files.set(events, file);
    }
    return file;
  }

  remove(): void {
    this.dir.remove();
  }

  private async write(events: number): Promise<LogFile> {
    const file = this.dir.file(`events-${events}.sqlite`);
    const store = await SqliteEventStore.open(file);
    const started = performance.now();
    let log: WorldLog;
    try {
      log = await writeWorldLog(store, events);
    } finally {
      await store.close();
    }
    return { file, log, writeMs: performance.now() - started, megabytes: megabytesOf(file) };
  }
}

/** Megabytes of a file, to one decimal. */
export function megabytesOf(file: string): number {
  return Math.round((statSync(file).size / 2 ** 20) * 10) / 10;
}
