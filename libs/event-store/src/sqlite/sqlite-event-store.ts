import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { NewEvent, RecordedEvent } from '../envelope.js';
import { StoreClosedError } from '../errors.js';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  LogHead,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from '../event-store.js';
import { validateAppend, validateCount, validateFilter } from '../validate.js';
import { appendBatch, type AppendRequest } from './append-batch.js';
import { CatchUpSubscription } from './catch-up-subscription.js';
import { CommitSignal } from './commit-signal.js';
import { serializeAll } from './event-rows.js';
import { GroupCommit, type GroupCommitted, type Outcome } from './group-commit.js';
import { configureConnection, migrate } from './schema.js';
import { translateSqliteError } from './sqlite-errors.js';
import { NO_LIMIT, SqliteReads } from './sqlite-reads.js';
import { prepareStatements } from './statements.js';

/** Options of `SqliteEventStore.open`. */
export interface SqliteEventStoreOptions {
  /** How long an append waits for another process's write lock before `StoreBusyError` (default 5000). */
  readonly busyTimeoutMs?: number;
  /** How often live subscriptions look for events other processes appended (default 200). */
  readonly pollIntervalMs?: number;
  /** `normal` (default) survives a crash of the process; `full` also a power cut, more slowly. */
  readonly synchronous?: 'normal' | 'full';
}

const DEFAULT_BATCH_SIZE = 500;
/** Most appends one group commit writes in one transaction. */
const MAX_GROUP = 256;

/**
 * The embedded event store: one SQLite file in WAL mode (or `:memory:`), safe to share
 * between processes. Appends are serialised by SQLite's write lock; appends made in the same
 * turn of the event loop are committed together (group commit, see `group-commit.ts`).
 */
export class SqliteEventStore implements EventStore {
  private readonly reads: SqliteReads;
  /** One append in a savepoint of the group's transaction: a refusal undoes only its rows. */
  private readonly appendInSavepoint: Database.Transaction<(request: AppendRequest) => AppendResult>;
  private readonly groupTransaction: Database.Transaction<
    (requests: readonly AppendRequest[]) => Outcome<AppendResult>[]
  >;
  private readonly group: GroupCommit<AppendRequest, AppendResult>;
  private readonly groupListeners = new Set<(committed: GroupCommitted) => void>();
  private readonly committed = new CommitSignal();
  private readonly subscriptions = new Set<CatchUpSubscription>();
  private closed = false;

  private constructor(
    private readonly db: Database.Database,
    private readonly path: string,
    private readonly busyTimeoutMs: number,
    private readonly pollIntervalMs: number,
  ) {
    const statements = prepareStatements(db);
    this.reads = new SqliteReads(db, statements);
    this.appendInSavepoint = db.transaction((request: AppendRequest) => appendBatch(statements, request));
    this.groupTransaction = db.transaction((requests: readonly AppendRequest[]) =>
      requests.map((request) => this.appendOne(request)),
    );
    this.group = new GroupCommit((requests) => this.commitGroup(requests), MAX_GROUP);
  }

  /** Opens (creating it and its folder when missing) the store at `path`, or `':memory:'`. */
  static async open(path: string, options: SqliteEventStoreOptions = {}): Promise<SqliteEventStore> {
    const inMemory = path === ':memory:';
    const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
    validateCount('busyTimeoutMs', busyTimeoutMs);
    validateCount('pollIntervalMs', options.pollIntervalMs, 1);
    if (!inMemory) mkdirSync(dirname(resolve(path)), { recursive: true });
    const db = new Database(path, { timeout: busyTimeoutMs });
    try {
      configureConnection(db, { inMemory, busyTimeoutMs, synchronous: options.synchronous ?? 'normal' });
      migrate(db);
      return new SqliteEventStore(db, path, busyTimeoutMs, options.pollIntervalMs ?? 200);
    } catch (error) {
      db.close();
      throw translateSqliteError(error, path, busyTimeoutMs);
    }
  }

  /**
   * Appends atomically. An empty `events` only checks `expectedRevision` and returns the
   * stream's last revision and position (revision -1 and the log's head when it has none).
   */
  async append(
    stream: string,
    events: readonly NewEvent[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    this.assertOpen();
    const expectedRevision = options.expectedRevision ?? 'any';
    validateAppend(stream, events, expectedRevision);
    // Serialised now, outside the write lock; checked and written at the group's commit.
    return this.group.submit({ stream, events: serializeAll(events), expectedRevision });
  }

  /**
   * Calls `listener` after every group commit with how many appends and events it wrote
   * (metrics); returns the function that stops it.
   */
  onGroupCommit(listener: (committed: GroupCommitted) => void): () => void {
    this.groupListeners.add(listener);
    return () => this.groupListeners.delete(listener);
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    validateCount('fromRevision', options.fromRevision);
    validateCount('limit', options.limit);
    return this.guard(() => this.reads.stream(stream, options));
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    validateCount('after', options.after);
    validateCount('limit', options.limit);
    validateFilter(options.filter);
    return this.guard(() => this.reads.log(options.after ?? 0, options.limit ?? NO_LIMIT, options.filter));
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    validateCount('after', options.after);
    validateCount('batchSize', options.batchSize, 1);
    validateFilter(options.filter);
    const subscription = new CatchUpSubscription(
      (after, limit, filter) => {
        this.assertOpen();
        return this.guard(() => this.reads.page(after, limit, filter));
      },
      this.committed,
      {
        after: options.after ?? 0,
        filter: options.filter,
        batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
        pollIntervalMs: this.pollIntervalMs,
      },
      (closed) => this.subscriptions.delete(closed),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async head(): Promise<LogHead> {
    this.assertOpen();
    return this.guard(() => this.reads.head());
  }

  /** Ends every subscription and closes the file; closing twice is harmless. */
  async close(): Promise<void> {
    if (this.closed) return;
    // Appends already accepted are committed (and answered) before the file closes.
    this.group.flush();
    this.closed = true;
    const ending = [...this.subscriptions].map((subscription) => subscription.close());
    this.db.close();
    await Promise.all(ending);
  }

  /** One transaction for the whole group; each append is answered on its own. */
  private commitGroup(requests: readonly AppendRequest[]): Outcome<AppendResult>[] {
    if (this.closed) {
      const error = new StoreClosedError(`the event store ${this.path} is closed`);
      return requests.map(() => ({ ok: false, error }));
    }
    const outcomes = this.guard(() => this.groupTransaction.immediate(requests));
    let events = 0;
    outcomes.forEach((outcome, index) => {
      if (outcome.ok && !outcome.value.idempotent) events += requests[index].events.length;
    });
    if (events > 0) this.committed.notify();
    for (const listener of this.groupListeners) listener({ appends: requests.length, events });
    return outcomes;
  }

  private appendOne(request: AppendRequest): Outcome<AppendResult> {
    try {
      const value =
        request.events.length === 0
          ? this.reads.emptyAppend(request.stream, request.expectedRevision)
          : this.appendInSavepoint(request);
      return { ok: true, value };
    } catch (error) {
      // SQLite ended the whole transaction (disk full, I/O error): nothing of the group commits.
      if (!this.db.inTransaction) throw error;
      return { ok: false, error: translateSqliteError(error, this.path, this.busyTimeoutMs) };
    }
  }

  private guard<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      throw translateSqliteError(error, this.path, this.busyTimeoutMs);
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreClosedError(`the event store ${this.path} is closed`);
  }
}
