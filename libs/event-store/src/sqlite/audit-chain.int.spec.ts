import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import canonicalize from 'canonicalize';
import { newEvent, newEvents } from '../testing/event-builders.js';
import { canonicalEvent, canonicalJson, GENESIS_HASH, hashStoredEvent } from './event-hash.js';
import { SCHEMA_VERSION } from './schema.js';
import { SqliteEventStore } from './sqlite-event-store.js';

describe('the audit hash chain of the SQLite store', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kurultai-chain-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const chainOf = (file: string) =>
    new Database(file, { readonly: true })
      .prepare(
        'SELECT position, stream, revision, type, schema_version AS schemaVersion, data, metadata, prev_hash AS prevHash, hash FROM events ORDER BY position',
      )
      .all() as {
      prevHash: string;
      hash: string;
      position: number;
      stream: string;
      revision: number;
      type: string;
      schemaVersion: number;
      data: string;
      metadata: string;
    }[];

  it('writes canonical bytes equal to canonicalize of the whole object', () => {
    const fields = {
      data: { b: 1, a: 'é' },
      metadata: { z: null, y: [2, 1] },
      position: 3,
      revision: 0,
      schemaVersion: 1,
      stream: 'plan-x',
      type: 'T',
    };
    expect(
      canonicalEvent({
        ...fields,
        canonicalData: canonicalJson(fields.data),
        canonicalMetadata: canonicalJson(fields.metadata),
      }),
    ).toBe(canonicalize(fields));
  });

  it('hashes every appended event into one chain through the global log', async () => {
    const file = join(dir, 'events.sqlite');
    const store = await SqliteEventStore.open(file);
    await store.append('plan-a', newEvents(2));
    await store.append('meeting-b', [newEvent('Scheduled')]);
    await store.close();
    const rows = chainOf(file);
    let prev = GENESIS_HASH;
    for (const row of rows) {
      expect(row.prevHash).toBe(prev);
      expect(row.hash).toBe(hashStoredEvent(prev, row));
      prev = row.hash;
    }
    expect(rows).toHaveLength(3);
  });

  it('fills the hashes of a file written before the chain, in order, when it opens', async () => {
    const file = join(dir, 'old.sqlite');
    const store = await SqliteEventStore.open(file);
    await store.append('plan-a', newEvents(3));
    await store.close();
    const expected = chainOf(file);
    const db = new Database(file);
    db.exec('UPDATE events SET prev_hash = NULL, hash = NULL');
    db.pragma('user_version = 1');
    db.close();
    (await SqliteEventStore.open(file)).close();
    expect(chainOf(file)).toEqual(expected);
    const reopened = new Database(file, { readonly: true });
    expect(reopened.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    reopened.close();
  });
});
