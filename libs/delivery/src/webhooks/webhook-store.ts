import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Actor } from '#event-store';

export type SubscriptionState = 'active' | 'paused';

/** A webhook subscription as stored (the secret never leaves the engine). */
export interface WebhookSubscription {
  readonly id: string;
  readonly url: string;
  readonly secret: string;
  readonly types: readonly string[];
  readonly categories: readonly string[];
  readonly state: SubscriptionState;
  readonly createdAt: string;
  /** Who registered it: its events are the ones this actor may see. Null for older subscriptions (public events only). */
  readonly actor: Actor | null;
}

/** How far a subscription got: everything up to `position` is delivered, parked or not for it. */
export interface Checkpoint {
  readonly position: number;
  /** The last event actually delivered (2xx), and when. */
  readonly deliveredPosition: number;
  readonly deliveredAt: string | null;
  /** Failed attempts in a row (0 once an attempt succeeds), and in all. */
  readonly consecutiveFailures: number;
  readonly totalFailures: number;
  readonly lastError: string | null;
  readonly lastErrorAt: string | null;
}

export interface ParkedDelivery {
  readonly position: number;
  readonly eventId: string;
  readonly type: string;
  readonly attempts: number;
  readonly lastError: string;
  readonly parkedAt: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS webhook_subscriptions (
  id TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  secret TEXT NOT NULL,
  types TEXT NOT NULL,
  categories TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('active', 'paused')),
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS webhook_checkpoints (
  subscription_id TEXT PRIMARY KEY REFERENCES webhook_subscriptions(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  delivered_position INTEGER NOT NULL DEFAULT 0,
  delivered_at TEXT,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  total_failures INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  last_error_at TEXT
);
CREATE TABLE IF NOT EXISTS webhook_parked (
  subscription_id TEXT NOT NULL REFERENCES webhook_subscriptions(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  event_id TEXT NOT NULL,
  type TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  last_error TEXT NOT NULL,
  parked_at TEXT NOT NULL,
  PRIMARY KEY (subscription_id, position)
);
`;

interface SubscriptionRow {
  id: string;
  url: string;
  secret: string;
  types: string;
  categories: string;
  state: SubscriptionState;
  created_at: string;
  actor: string | null;
}

/** The webhook tables in `<dataDir>/delivery.sqlite`: subscriptions, checkpoints, parked deliveries. */
export class WebhookStore {
  readonly db: Database.Database;

  constructor(path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    addActorColumn(this.db);
  }

  /** Creates the subscription and its checkpoint; false when the id is taken. */
  create(subscription: WebhookSubscription, from: number): boolean {
    return this.db.transaction(() => {
      const inserted = this.db
        .prepare(
          `INSERT OR IGNORE INTO webhook_subscriptions (id, url, secret, types, categories, state, created_at, actor)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          subscription.id,
          subscription.url,
          subscription.secret,
          JSON.stringify(subscription.types),
          JSON.stringify(subscription.categories),
          subscription.state,
          subscription.createdAt,
          subscription.actor ? JSON.stringify(subscription.actor) : null,
        );
      if (inserted.changes === 0) return false;
      this.db
        .prepare('INSERT INTO webhook_checkpoints (subscription_id, position) VALUES (?, ?)')
        .run(subscription.id, from);
      return true;
    })();
  }

  get(id: string): WebhookSubscription | null {
    const row = this.db.prepare('SELECT * FROM webhook_subscriptions WHERE id = ?').get(id) as
      SubscriptionRow | undefined;
    return row ? toSubscription(row) : null;
  }

  list(): WebhookSubscription[] {
    const rows = this.db
      .prepare('SELECT * FROM webhook_subscriptions ORDER BY id')
      .all() as SubscriptionRow[];
    return rows.map(toSubscription);
  }

  setState(id: string, state: SubscriptionState): boolean {
    return (
      this.db.prepare('UPDATE webhook_subscriptions SET state = ? WHERE id = ?').run(state, id).changes > 0
    );
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM webhook_subscriptions WHERE id = ?').run(id).changes > 0;
  }

  checkpoint(id: string): Checkpoint | null {
    const row = this.db
      .prepare(
        `SELECT position, delivered_position AS deliveredPosition, delivered_at AS deliveredAt,
                consecutive_failures AS consecutiveFailures, total_failures AS totalFailures,
                last_error AS lastError, last_error_at AS lastErrorAt
         FROM webhook_checkpoints WHERE subscription_id = ?`,
      )
      .get(id) as Checkpoint | undefined;
    return row ?? null;
  }

  /** The event at `position` is done with: skipped (not for this subscriber) or parked. */
  advance(id: string, position: number): void {
    this.db
      .prepare('UPDATE webhook_checkpoints SET position = MAX(position, ?) WHERE subscription_id = ?')
      .run(position, id);
  }

  /** The event at `position` was delivered: the checkpoint moves past it, failures in a row reset. */
  delivered(id: string, position: number, at: string): void {
    this.db
      .prepare(
        `UPDATE webhook_checkpoints SET position = MAX(position, ?), delivered_position = MAX(delivered_position, ?),
           delivered_at = ?, consecutive_failures = 0 WHERE subscription_id = ?`,
      )
      .run(position, position, at, id);
  }

  failed(id: string, error: string, at: string): void {
    this.db
      .prepare(
        `UPDATE webhook_checkpoints SET consecutive_failures = consecutive_failures + 1,
           total_failures = total_failures + 1, last_error = ?, last_error_at = ? WHERE subscription_id = ?`,
      )
      .run(error, at, id);
  }

  /** Parks the event and moves the checkpoint past it, in one transaction. */
  park(id: string, parked: ParkedDelivery): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO webhook_parked (subscription_id, position, event_id, type, attempts, last_error, parked_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (subscription_id, position) DO UPDATE SET attempts = attempts + excluded.attempts,
             last_error = excluded.last_error, parked_at = excluded.parked_at`,
        )
        .run(
          id,
          parked.position,
          parked.eventId,
          parked.type,
          parked.attempts,
          parked.lastError,
          parked.parkedAt,
        );
      this.advance(id, parked.position);
    })();
  }

  parked(id: string): ParkedDelivery[] {
    return this.db
      .prepare(
        `SELECT position, event_id AS eventId, type, attempts, last_error AS lastError, parked_at AS parkedAt
         FROM webhook_parked WHERE subscription_id = ? ORDER BY position`,
      )
      .all(id) as ParkedDelivery[];
  }

  parkedCount(id: string): number {
    return (
      this.db.prepare('SELECT COUNT(*) AS n FROM webhook_parked WHERE subscription_id = ?').get(id) as {
        n: number;
      }
    ).n;
  }

  /** A parked event was delivered on replay. */
  unpark(id: string, position: number, at: string): void {
    this.db.transaction(() => {
      this.db
        .prepare('DELETE FROM webhook_parked WHERE subscription_id = ? AND position = ?')
        .run(id, position);
      this.db
        .prepare(
          `UPDATE webhook_checkpoints SET delivered_at = ?, consecutive_failures = 0 WHERE subscription_id = ?`,
        )
        .run(at, id);
    })();
  }

  /** A replay failed again: the event stays parked, with its attempts counted. */
  reparked(id: string, position: number, attempts: number, error: string, at: string): void {
    this.db
      .prepare(
        `UPDATE webhook_parked SET attempts = attempts + ?, last_error = ?, parked_at = ?
         WHERE subscription_id = ? AND position = ?`,
      )
      .run(attempts, error, at, id, position);
  }

  close(): void {
    this.db.close();
  }
}

function toSubscription(row: SubscriptionRow): WebhookSubscription {
  return {
    id: row.id,
    url: row.url,
    secret: row.secret,
    types: JSON.parse(row.types) as string[],
    categories: JSON.parse(row.categories) as string[],
    state: row.state,
    createdAt: row.created_at,
    actor: row.actor ? (JSON.parse(row.actor) as Actor) : null,
  };
}

/** Subscriptions registered before identity have no actor: they keep getting public events only. */
function addActorColumn(db: Database.Database): void {
  const columns = db.prepare('PRAGMA table_info(webhook_subscriptions)').all() as { name: string }[];
  if (!columns.some((c) => c.name === 'actor'))
    db.exec('ALTER TABLE webhook_subscriptions ADD COLUMN actor TEXT');
}
