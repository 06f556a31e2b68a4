import type { Database } from 'better-sqlite3';
import type { EventStore, RecordedEvent, Subscription } from '#event-store';
import { Checkpoints } from './checkpoints.js';
import type { Projection, ProjectionStatus } from './projection.js';
import { PositionWaiters } from './position-waiters.js';
import { applyEvent, resetProvenance } from './provenance.js';
import { dropRowHistory, keepRowHistory, setRowPosition, tablesOf } from './history/row-history.js';

export interface ProjectionRunnerOptions {
  /** Most events applied in one transaction. */
  readonly maxBatch?: number;
  readonly clock?: () => Date;
  readonly onError?: (error: unknown) => void;
  /** Called after each committed batch with the position every projection has reached. */
  readonly onFlushed?: (position: number) => void;
  /**
   * After a batch is committed, how long (ms) the events that follow may wait to share the next
   * transaction, unless a caller waits for a position or the batch is full (default 5; 0: never).
   */
  readonly coalesceMs?: number;
  /**
   * Keep every version of every row with the position it was written at (`row-history.ts`), so
   * that "as of" questions by position are answered without a replay. Default true; false drops
   * the history a database kept.
   */
  readonly rowHistory?: boolean;
}

/**
 * Feeds the global log to a set of projections through one catch-up subscription, applying each
 * batch of events and the checkpoints in one SQLite transaction: after a crash no event is
 * applied twice or skipped.
 */
export class ProjectionRunner {
  private checkpoints: Checkpoints;
  private readonly positions = new Map<string, number>();
  private readonly waiters = new PositionWaiters();
  private readonly maxBatch: number;
  private readonly clock: () => Date;
  private subscription: Subscription | null = null;
  private running: Promise<void> | null = null;
  private buffer: RecordedEvent[] = [];
  private flushScheduled = false;
  private flushTimer: NodeJS.Timeout | undefined;
  private lastFlushAt = Number.NEGATIVE_INFINITY;
  private readonly coalesceMs: number;
  private state: ProjectionStatus['state'] = 'stopped';
  private failure: string | undefined;

  constructor(
    private readonly store: EventStore,
    private db: Database,
    private readonly projections: readonly Projection[],
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.checkpoints = new Checkpoints(db);
    if (options.rowHistory !== false) setRowPosition(db, 0);
    this.maxBatch = options.maxBatch ?? 2000;
    this.clock = options.clock ?? (() => new Date());
    this.coalesceMs = options.coalesceMs ?? 5;
  }

  /** The lowest position every projection has reached. */
  get position(): number {
    let min = Number.MAX_SAFE_INTEGER;
    for (const p of this.projections) min = Math.min(min, this.positions.get(p.name) ?? 0);
    return this.projections.length === 0 ? 0 : min;
  }

  /** The read-model database it writes: the live one, which a blue/green swap replaces. */
  get database(): Database {
    return this.db;
  }

  /** Why it failed, while it is failed. */
  get error(): string | undefined {
    return this.state === 'failed' ? this.failure : undefined;
  }

  /**
   * Moves a stopped runner onto another read-model database (a blue/green swap): `start()` then
   * goes on from that database's checkpoints. Callers waiting for a position keep waiting.
   */
  useDatabase(db: Database): void {
    if (this.running) throw new Error('stop the projection runner before moving it to another database');
    this.db = db;
    this.checkpoints = new Checkpoints(db);
    if (this.options.rowHistory !== false) setRowPosition(db, 0);
    this.positions.clear();
  }

  start(): void {
    if (this.running) return;
    this.failure = undefined;
    this.state = 'starting';
    this.db.transaction(() => {
      for (const projection of this.projections) this.prepare(projection);
    })();
    const subscription = this.store.subscribeToAll({ after: this.position });
    this.subscription = subscription;
    this.state = 'catching-up';
    this.running = this.consume(subscription);
  }

  async stop(): Promise<void> {
    const running = this.running;
    await this.subscription?.close();
    await running;
    this.cancelFlushTimer();
    // The events still buffered are applied here: a projection failing on them is a failure
    // of the runner (state, error, waiters, onError), not an exception out of stop().
    try {
      this.flush();
    } catch (error) {
      this.fail(error);
    }
    this.subscription = null;
    this.running = null;
    if (this.state !== 'failed') this.state = 'stopped';
  }

  /**
   * Drops the read models and builds them again from the start of the log, in place: queries see
   * them half built meanwhile. `BlueGreenRebuild` builds beside them and swaps instead.
   */
  async rebuild(): Promise<void> {
    await this.stop();
    this.db.transaction(() => {
      for (const projection of this.projections) {
        projection.reset(this.db);
        resetProvenance(this.db, projection.name);
        this.checkpoints.set(projection.name, projection.version, 0);
      }
    })();
    this.positions.clear();
    this.start();
  }

  /** Resolves once every projection has applied the log up to `position`; false on time-out. */
  waitFor(position: number, timeoutMs: number): Promise<boolean> {
    if (this.position >= position) return Promise.resolve(true);
    if (this.state === 'failed') return Promise.resolve(false);
    // Someone waits: what is buffered is applied now rather than after the coalescing delay.
    if (this.flushTimer) {
      this.cancelFlushTimer();
      setImmediate(() => this.scheduledFlush());
    }
    return this.waiters.wait(position, timeoutMs);
  }

  async status(): Promise<ProjectionStatus[]> {
    const head = await this.store.head();
    const statuses: ProjectionStatus[] = [];
    for (const projection of this.projections) {
      const position = this.positions.get(projection.name) ?? 0;
      const lagEvents = Math.max(0, head.position - position);
      let lagSeconds = 0;
      if (lagEvents > 0) {
        const [next] = await this.store.readAll({ after: position, limit: 1 });
        if (next)
          lagSeconds = Math.max(0, (this.clock().getTime() - Date.parse(next.metadata.recordedAt)) / 1000);
      }
      const live = this.state === 'catching-up' && lagEvents === 0 ? 'live' : this.state;
      statuses.push({
        name: projection.name,
        version: projection.version,
        state: live,
        position,
        headPosition: head.position,
        lagEvents,
        lagSeconds,
        ...(this.failure ? { error: this.failure } : {}),
      });
    }
    return statuses;
  }

  private prepare(projection: Projection): void {
    const checkpoint = this.checkpoints.get(projection.name);
    if (!checkpoint || checkpoint.version !== projection.version) {
      projection.reset(this.db);
      resetProvenance(this.db, projection.name);
      projection.setup(this.db);
      this.checkpoints.set(projection.name, projection.version, 0);
      this.positions.set(projection.name, 0);
    } else {
      projection.setup(this.db);
      this.positions.set(projection.name, checkpoint.position);
    }
    // Tables created just now start their history here; tables built before keep theirs.
    // History turned off: what was kept is dropped (it would go on growing, and go stale).
    if (this.options.rowHistory === false) dropRowHistory(this.db, tablesOf(projection));
    else
      keepRowHistory(
        this.db,
        tablesOf(projection),
        this.positions.get(projection.name) ?? 0,
        projection.ledgers,
      );
  }

  private async consume(subscription: Subscription): Promise<void> {
    try {
      for await (const event of subscription) {
        this.buffer.push(event);
        if (this.buffer.length >= this.maxBatch) {
          this.flush();
          // A long catch-up must not starve the HTTP server: let other work run between batches.
          await new Promise((resolve) => setImmediate(resolve));
        } else this.scheduleFlush();
      }
    } catch (error) {
      this.fail(error);
    }
  }

  /**
   * The next flush: at the end of this turn of the event loop, or, when a batch was committed less
   * than `coalesceMs` ago and nobody waits for a position, once that much time has passed, so
   * that the events of several commits share one transaction.
   */
  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    const wait = this.lastFlushAt + this.coalesceMs - performance.now();
    if (wait > 0 && !this.waiters.waiting) this.flushTimer = setTimeout(() => this.scheduledFlush(), wait);
    else setImmediate(() => this.scheduledFlush());
  }

  private scheduledFlush(): void {
    this.flushTimer = undefined;
    this.flushScheduled = false;
    try {
      this.flush();
    } catch (error) {
      this.fail(error);
    }
  }

  private cancelFlushTimer(): void {
    if (!this.flushTimer) return;
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.flushScheduled = false;
  }

  private flush(): void {
    if (this.buffer.length === 0 || this.state === 'failed') return;
    const batch = this.buffer;
    this.buffer = [];
    const last = batch[batch.length - 1].position;
    const reached = new Map<string, number>();
    this.db.transaction(() => {
      for (const projection of this.projections) {
        const from = this.positions.get(projection.name) ?? 0;
        // The subscription starts at the lowest checkpoint: a projection already past this
        // batch (the others new or rebuilt) keeps its checkpoint rather than going back to
        // `last`, which would feed it the events after `last` a second time.
        if (from >= last) continue;
        for (const event of batch) {
          if (event.position <= from) continue;
          if (projection.eventTypes && !projection.eventTypes.includes(event.type)) continue;
          applyEvent(this.db, projection, event);
        }
        this.checkpoints.set(projection.name, projection.version, last);
        reached.set(projection.name, last);
      }
    })();
    for (const [name, position] of reached) this.positions.set(name, position);
    this.lastFlushAt = performance.now();
    this.waiters.reached(this.position);
    this.options.onFlushed?.(this.position);
  }

  private fail(error: unknown): void {
    this.cancelFlushTimer();
    this.state = 'failed';
    this.failure = error instanceof Error ? error.message : String(error);
    this.buffer = [];
    this.waiters.failAll();
    void this.subscription?.close();
    this.options.onError?.(error);
  }
}
