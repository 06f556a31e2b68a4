import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiKeyStore } from './api-keys.js';
import { AuthenticationError } from './authentication-error.js';

describe('ApiKeyStore', () => {
  let dir: string;
  let file: string;
  let store: ApiKeyStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kurultai-keys-'));
    file = join(dir, 'api-keys.sqlite');
    store = ApiKeyStore.open(file);
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const refused = (key: string) => {
    try {
      store.verify(key);
    } catch (error) {
      expect(error).toBeInstanceOf(AuthenticationError);
      return (error as AuthenticationError).reason;
    }
    throw new Error('the key was accepted');
  };

  it('given a created key, when it is presented, then the caller is that service', () => {
    const created = store.create('foreign-ministry-portal');
    expect(store.verify(created.key)).toEqual({ id: `api-key:${created.id}`, role: 'service', state: null });
  });

  it('given a created key, then only its SHA-256 is stored, never the key', () => {
    const created = store.create('portal');
    const db = new Database(file, { readonly: true });
    const row = db.prepare('SELECT * FROM api_keys').get() as Record<string, string>;
    db.close();
    expect(JSON.stringify(row)).not.toContain(created.key.split('_').pop());
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('given a revoked key, when it is presented, then it is refused; revoking twice says so', () => {
    const created = store.create('portal');
    expect(store.revoke(created.id)).toBe(true);
    expect(refused(created.key)).toMatch(/revoked/);
    expect(store.revoke(created.id)).toBe(false);
    expect(store.list()).toEqual([
      expect.objectContaining({ id: created.id, revokedAt: expect.any(String) }),
    ]);
  });

  it('given a key, when its secret is altered or the key is malformed, then it is refused', () => {
    const created = store.create('portal');
    const last = created.key.at(-1) === 'A' ? 'B' : 'A';
    expect(refused(created.key.slice(0, -1) + last)).toMatch(/not known/);
    expect(refused('kak_0000000000000000_' + 'A'.repeat(43))).toMatch(/not known/);
    expect(refused('not-a-key')).toMatch(/malformed/);
  });

  it('given keys of several services, then the list shows names and dates but no secret', () => {
    store.create('a');
    store.create('b');
    const listed = store.list();
    expect(listed.map((k) => k.name).sort()).toEqual(['a', 'b']);
    expect(Object.keys(listed[0]).sort()).toEqual(['createdAt', 'id', 'name', 'revokedAt']);
  });

  it('refuses an empty name', () => {
    expect(() => store.create('  ')).toThrow(/1 to 100/);
  });
});
