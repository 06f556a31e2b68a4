import type { Database } from 'better-sqlite3';
import type { EventStore } from '#event-store';
import type { Projection } from './projection.js';
import { ProjectionRunner } from './projection-runner.js';
import {
  carryOverTables,
  closeSelfContained,
  nextPathOf,
  openReadModelDb,
  removeDatabaseFiles,
  replaceDatabaseFile,
} from './read-model-files.js';

export type RebuildState = 'idle' | 'building' | 'swapping' | 'done' | 'failed';

export interface RebuildStatus {
  readonly state: RebuildState;
  readonly startedAt: string | null;
  /** When the new read models had reached the head of the log. */
  readonly caughtUpAt: string | null;
  readonly finishedAt: string | null;
  /** Where the new read models have got to in the log. */
  readonly buildPosition: number;
  /** The position the new read models took over at. */
  readonly swappedAtPosition: number | null;
  /** How long the live read models stood still for the swap, in milliseconds. */
  readonly swapMs: number | null;
  readonly error?: string;
}

export interface BlueGreenRebuildOptions {
  /** The live read-model file (`read-models.sqlite`), or ':memory:'. */
  readonly path: string;
  /** Where the new read models are built; default `read-models.next.sqlite` beside the live file. */
  readonly nextPath?: string;
  /**
   * Most events the new runner applies in one transaction (default 500): it yields to the HTTP
   * server between two, so smaller batches keep the API answering quickly during a build.
   */
  readonly maxBatch?: number;
  /** Whether the new read models keep row history, as the live ones do (default true). */
  readonly rowHistory?: boolean;
  readonly clock?: () => Date;
  /** Runs once both runners have stopped, right before the files change (a snapshot in progress ends). */
  readonly beforeSwap?: () => Promise<void>;
  /** Runs once the swap is over, done or failed (what `beforeSwap` paused may go on). */
  readonly afterSwap?: () => void;
  readonly log?: (message: string) => void;
}

/** A blue/green rebuild is already running; only one at a time. */
export class RebuildInProgress extends Error {
  constructor(readonly status: RebuildStatus) {
    super(`a rebuild is already ${status.state} (since ${status.startedAt})`);
    this.name = 'RebuildInProgress';
  }
}

const IDLE: RebuildStatus = {
  state: 'idle',
  startedAt: null,
  caughtUpAt: null,
  finishedAt: null,
  buildPosition: 0,
  swappedAtPosition: null,
  swapMs: null,
};

/**
 * Rebuilds the read models without downtime. A second runner builds them from position 0 into a
 * new database file while the live runner keeps serving queries and following the log. Once the
 * new one has reached the head, the live runner stops, the new one catches up with it, and in one
 * synchronous step (nothing else runs in between) the tables kept beside the read models are
 * carried over, both files are closed self-contained, the new file is renamed over the old one,
 * and the live runner goes on from the new file's checkpoints. Queries that read the database
 * through the live runner (`ReadModels.db`) see the old read models, then the new ones: never a
 * half-built one.
 */
export class BlueGreenRebuild {
  private current: RebuildStatus = IDLE;
  private next: ProjectionRunner | null = null;
  private task: Promise<void> | null = null;
  private stopping = false;
  private readonly nextPath: string;
  private readonly clock: () => Date;

  constructor(
    private readonly store: EventStore,
    private readonly live: ProjectionRunner,
    private readonly projections: readonly Projection[],
    private readonly options: BlueGreenRebuildOptions,
  ) {
    this.nextPath = options.nextPath ?? nextPathOf(options.path);
    this.clock = options.clock ?? (() => new Date());
  }

  get running(): boolean {
    return this.current.state === 'building' || this.current.state === 'swapping';
  }

  status(): RebuildStatus {
    return this.next && this.running ? { ...this.current, buildPosition: this.next.position } : this.current;
  }

  /** Starts a rebuild and answers at once; `status()` follows it, `settled()` waits for it. */
  start(): RebuildStatus {
    if (this.running) throw new RebuildInProgress(this.status());
    if (this.stopping) throw new Error('the engine is stopping');
    this.current = { ...IDLE, state: 'building', startedAt: this.now() };
    this.task = this.run();
    return this.status();
  }

  /** Resolves when the rebuild in progress, if any, has finished (done or failed). */
  async settled(): Promise<RebuildStatus> {
    await this.task;
    return this.status();
  }

  /** On shutdown: abandons a build in progress (a swap under way is finished first). */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.task;
  }

  /** Removes what a build interrupted by a crash left behind; not while one runs. */
  discardLeftovers(): void {
    if (!this.running && this.nextPath !== ':memory:') removeDatabaseFiles(this.nextPath);
  }

  private async run(): Promise<void> {
    const started = Date.now();
    let db: Database | null = null;
    try {
      removeDatabaseFiles(this.nextPath);
      db = openReadModelDb(this.nextPath);
      const next = new ProjectionRunner(this.store, db, this.projections, {
        maxBatch: this.options.maxBatch ?? 500,
        rowHistory: this.options.rowHistory ?? true,
      });
      this.next = next;
      next.start();
      await this.catchUp(next);
      this.current = { ...this.current, state: 'swapping', caughtUpAt: this.now() };
      this.log(`new read models caught up at ${next.position} in ${Date.now() - started} ms; swapping`);
      const swapped = await this.swap(next, db);
      db = null;
      this.current = {
        ...this.current,
        ...swapped,
        state: 'done',
        buildPosition: next.position,
        finishedAt: this.now(),
      };
      this.log(`read models rebuilt blue/green in ${Date.now() - started} ms (swap ${swapped.swapMs} ms)`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const buildPosition = this.next?.position ?? 0;
      await this.next?.stop();
      if (db && this.live.database !== db) {
        if (db.open) db.close();
        removeDatabaseFiles(this.nextPath);
      }
      this.recoverLive();
      this.current = {
        ...this.current,
        state: 'failed',
        buildPosition,
        finishedAt: this.now(),
        error: message,
      };
      this.log(`blue/green rebuild failed, the live read models go on: ${message}`);
    } finally {
      this.next = null;
      this.options.afterSwap?.();
    }
  }

  /** Until the new read models have applied the log up to its head (as it was when asked). */
  private async catchUp(next: ProjectionRunner): Promise<void> {
    for (;;) {
      const head = (await this.store.head()).position;
      await this.reach(next, head, true);
      if (next.position >= head) return;
    }
  }

  private async reach(next: ProjectionRunner, position: number, abandonable = false): Promise<void> {
    while (next.position < position) {
      if (abandonable && this.stopping) throw new Error('abandoned: the engine is stopping');
      if (next.error) throw new Error(`the new read models failed: ${next.error}`);
      await next.waitFor(position, 250);
    }
  }

  private async swap(next: ProjectionRunner, db: Database) {
    const stoppedAt = Date.now();
    await this.live.stop();
    // The new read models must not be behind what queries have already seen.
    const position = this.live.position;
    await this.reach(next, position);
    await next.stop();
    if (next.error) throw new Error(`the new read models failed: ${next.error}`);
    await this.options.beforeSwap?.();
    // From here to live.start(), synchronous: no query, flush or process manager runs in between.
    const old = this.live.database;
    carryOverTables(old, db);
    let fresh: Database = db;
    if (this.options.path !== ':memory:' && this.nextPath !== ':memory:') {
      closeSelfContained(db);
      closeSelfContained(old);
      replaceDatabaseFile(this.nextPath, this.options.path);
      fresh = openReadModelDb(this.options.path);
    } else old.close();
    this.live.useDatabase(fresh);
    this.live.start();
    return { swappedAtPosition: next.position, swapMs: Date.now() - stoppedAt };
  }

  /** After a failure: the live runner goes on, on whichever file is in place (old or new). */
  private recoverLive(): void {
    try {
      if (!this.live.database.open) this.live.useDatabase(openReadModelDb(this.options.path));
      this.live.start();
    } catch (error) {
      this.log(`the live read models could not be restarted: ${String(error)}`);
    }
  }

  private now(): string {
    return this.clock().toISOString();
  }

  private log(message: string): void {
    this.options.log?.(message);
  }
}
