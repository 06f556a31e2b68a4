import Database from 'better-sqlite3';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Actor } from '#event-store';
import { AuthenticationError } from './authentication-error.js';

/** An API key as listed: never its secret, which is shown once at creation. */
export interface ApiKeyInfo {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

/** The file name of the API keys in the data folder. */
export const API_KEYS_FILE = 'api-keys.sqlite';

const KEY = /^kak_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

/**
 * API keys of downstream services (role `service`): 32 random bytes, kept only as their SHA-256,
 * revocable at once. The engine and `kurultai keys` share the SQLite file (WAL).
 */
export class ApiKeyStore {
  private constructor(private readonly db: Database.Database) {}

  static open(file: string): ApiKeyStore {
    mkdirSync(dirname(file), { recursive: true });
    const db = new Database(file, { timeout: 5000 });
    db.pragma('journal_mode = WAL');
    db.exec(`CREATE TABLE IF NOT EXISTS api_keys (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      created_at TEXT NOT NULL,
      revoked_at TEXT
    ) STRICT`);
    return new ApiKeyStore(db);
  }

  /** Creates a key; the returned `key` is the only time its secret is seen. */
  create(name: string, now: Date = new Date()): ApiKeyInfo & { readonly key: string } {
    const trimmed = name.trim();
    if (trimmed.length < 1 || trimmed.length > 100) throw new Error('a key name has 1 to 100 characters');
    const id = randomBytes(8).toString('hex');
    const key = `kak_${id}_${randomBytes(32).toString('base64url')}`;
    const createdAt = now.toISOString();
    this.db
      .prepare('INSERT INTO api_keys (id, name, sha256, created_at) VALUES (?, ?, ?, ?)')
      .run(id, trimmed, sha256(key), createdAt);
    return { id, name: trimmed, createdAt, revokedAt: null, key };
  }

  list(): ApiKeyInfo[] {
    return this.db
      .prepare(
        'SELECT id, name, created_at AS createdAt, revoked_at AS revokedAt FROM api_keys ORDER BY created_at, id',
      )
      .all() as ApiKeyInfo[];
  }

  /** Revokes a key from now on; false when there is no such key or it was revoked already. */
  revoke(id: string, now: Date = new Date()): boolean {
    return (
      this.db
        .prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
        .run(now.toISOString(), id).changes === 1
    );
  }

  /** The service a key belongs to; `AuthenticationError` for an unknown, wrong or revoked key. */
  verify(key: string): Actor {
    const match = KEY.exec(key);
    if (!match) throw new AuthenticationError('the API key is malformed', 'invalid_request');
    const row = this.db
      .prepare('SELECT sha256, revoked_at AS revokedAt FROM api_keys WHERE id = ?')
      .get(match[1]) as { sha256: string; revokedAt: string | null } | undefined;
    const given = Buffer.from(sha256(key), 'hex');
    // Compare even when the id is unknown, so that timing does not tell ids apart.
    const stored = Buffer.from(row?.sha256 ?? '0'.repeat(64), 'hex');
    if (!timingSafeEqual(given, stored) || !row)
      throw new AuthenticationError('the API key is not known', 'invalid_request');
    if (row.revokedAt !== null) throw new AuthenticationError('the API key was revoked', 'invalid_request');
    return { id: `api-key:${match[1]}`, role: 'service', state: null };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
