import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStoreError } from '../errors.js';
import { newEvents, uniqueStream } from '../testing/index.js';
import { SqliteEventStore } from './sqlite-event-store.js';

describe('SqliteEventStore on a file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kurultai-file-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates its folder and a versioned WAL database with dense positions', async () => {
    const file = join(dir, 'data', 'nested', 'events.sqlite');
    const store = await SqliteEventStore.open(file);
    await store.append(uniqueStream(), newEvents(3));
    await store.append(uniqueStream(), newEvents(2));
    await store.close();

    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare('SELECT position FROM events ORDER BY position').pluck().all()).toEqual([
      1, 2, 3, 4, 5,
    ]);
    db.close();
  });

  it('keeps its events when opened again, and carries on numbering', async () => {
    const file = join(dir, 'events.sqlite');
    const stream = uniqueStream();
    const first = await SqliteEventStore.open(file);
    await first.append(stream, newEvents(2));
    await first.close();

    const second = await SqliteEventStore.open(file);
    const result = await second.append(stream, newEvents(1), { expectedRevision: 1 });
    expect(result).toMatchObject({ revision: 2, position: 3 });
    expect(await second.readStream(stream)).toHaveLength(3);
    await second.close();
  });

  it('refuses a file written by a newer schema', async () => {
    const file = join(dir, 'events.sqlite');
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    await expect(SqliteEventStore.open(file)).rejects.toThrow(EventStoreError);
    await expect(SqliteEventStore.open(file)).rejects.toThrow(/newer engine/);
  });
});
