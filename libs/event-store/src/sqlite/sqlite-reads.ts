import type Database from 'better-sqlite3';
import type { RecordedEvent } from '../envelope.js';
import { StreamNotFoundError } from '../errors.js';
import type {
  AppendResult,
  ExpectedRevision,
  LogFilter,
  LogHead,
  ReadStreamOptions,
} from '../event-store.js';
import { checkExpectedRevision } from '../expected-revision.js';
import type { LogPage } from './catch-up-subscription.js';
import { toRecordedEvents } from './event-rows.js';
import { LogRangeQuery } from './log-range-query.js';
import type { Statements } from './statements.js';

/** SQLite's LIMIT for "no limit". */
export const NO_LIMIT = -1;

/** The store's reads, each one statement (or two) on the shared connection. */
export class SqliteReads {
  private readonly logRange: LogRangeQuery;

  constructor(
    db: Database.Database,
    private readonly statements: Statements,
  ) {
    this.logRange = new LogRangeQuery(db);
  }

  stream(stream: string, options: ReadStreamOptions): RecordedEvent[] {
    const limit = options.limit ?? NO_LIMIT;
    const rows =
      options.direction === 'backwards'
        ? this.statements.streamBackwards.all(stream, options.fromRevision ?? Number.MAX_SAFE_INTEGER, limit)
        : this.statements.streamForwards.all(stream, options.fromRevision ?? 0, limit);
    if (rows.length === 0 && !this.statements.lastOfStream.get(stream)) throw new StreamNotFoundError(stream);
    return toRecordedEvents(rows);
  }

  log(after: number, limit: number, filter: LogFilter | undefined): RecordedEvent[] {
    return toRecordedEvents(this.logRange.rows(after, Number.MAX_SAFE_INTEGER, limit, filter));
  }

  /** A subscription's page: bounded by the head so a selective filter skips what it has looked at. */
  page(after: number, limit: number, filter: LogFilter | undefined): LogPage {
    const upTo = this.headPosition();
    if (upTo <= after) return { events: [], scannedTo: after };
    const events = toRecordedEvents(this.logRange.rows(after, upTo, limit, filter));
    return { events, scannedTo: events.length < limit ? upTo : events[events.length - 1].position };
  }

  head(): LogHead {
    const last = this.statements.head.get();
    return last ? { position: last[0], recordedAt: last[1] } : { position: 0, recordedAt: null };
  }

  /** An append of no events: checks the expectation, writes nothing, reports where the stream is. */
  emptyAppend(stream: string, expectedRevision: ExpectedRevision): AppendResult {
    const last = this.statements.lastOfStream.get(stream);
    checkExpectedRevision(stream, expectedRevision, last ? last[0] : null);
    const position = last ? last[1] : this.headPosition();
    return {
      stream,
      revision: last ? last[0] : -1,
      firstPosition: position,
      position,
      positions: [],
      idempotent: false,
    };
  }

  private headPosition(): number {
    return this.statements.headPosition.get()?.[0] ?? 0;
  }
}
