import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuplicateEventIdError, StoreBusyError, WrongExpectedVersionError } from '../errors.js';
import type { AppendResult } from '../event-store.js';
import { startNode, type NodeChild } from '../testing/child-process.js';
import { newEvent, newEvents, uniqueStream } from '../testing/index.js';
import { GENESIS_HASH, hashStoredEvent } from './event-hash.js';
import type { GroupCommitted } from './group-commit.js';
import { SqliteEventStore } from './sqlite-event-store.js';

const fixture = (name: string) => join(__dirname, 'fixtures', name);

/** Appends made in the same turn of the event loop are committed in one transaction. */
describe('group commit of the SQLite store', () => {
  let dir: string;
  let file: string;
  let store: SqliteEventStore;
  let groups: GroupCommitted[];
  let child: NodeChild | undefined;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kurultai-group-'));
    file = join(dir, 'events.sqlite');
    store = await SqliteEventStore.open(file);
    groups = [];
    store.onGroupCommit((group) => groups.push(group));
  });
  afterEach(async () => {
    if (child && child.process.exitCode === null && child.process.signalCode === null)
      child.process.kill('SIGKILL');
    await child?.exited;
    child = undefined;
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Every row's hash follows from its predecessor's (DESIGN §8), read from another connection. */
  const expectChain = () => {
    const db = new Database(file, { readonly: true });
    const rows = db
      .prepare(
        'SELECT position, stream, revision, type, schema_version AS schemaVersion, data, metadata, prev_hash AS prevHash, hash FROM events ORDER BY position',
      )
      .all() as (Parameters<typeof hashStoredEvent>[1] & { prevHash: string; hash: string })[];
    db.close();
    let prev = GENESIS_HASH;
    rows.forEach((row, index) => {
      expect(row.position).toBe(index + 1);
      expect(row.prevHash).toBe(prev);
      expect(row.hash).toBe(hashStoredEvent(prev, row));
      prev = row.hash;
    });
    return rows.length;
  };

  it('given appends to many streams in one turn, when they commit, then one transaction writes them all in order', async () => {
    const streams = Array.from({ length: 40 }, () => uniqueStream());
    const results = await Promise.all(streams.map((stream) => store.append(stream, newEvents(2))));
    expect(groups).toEqual([{ appends: 40, events: 80 }]);
    expect(results.map((r) => [r.firstPosition, r.position])).toEqual(
      streams.map((_, n) => [2 * n + 1, 2 * n + 2]),
    );
    expect(expectChain()).toBe(80);
  });

  it('given two appends expecting the same revision in one group, when it commits, then only the second is refused', async () => {
    const raced = uniqueStream();
    const other = uniqueStream();
    await store.append(raced, [newEvent('Opened')]);
    const [first, second, third] = await Promise.allSettled([
      store.append(raced, [newEvent('First')], { expectedRevision: 0 }),
      store.append(raced, newEvents(2), { expectedRevision: 0 }),
      store.append(other, [newEvent('Elsewhere')], { expectedRevision: 'no_stream' }),
    ]);
    expect(groups.at(-1)).toEqual({ appends: 3, events: 2 });
    expect(first).toMatchObject({ status: 'fulfilled', value: { revision: 1, position: 2 } });
    expect(second).toMatchObject({ status: 'rejected', reason: { stream: raced, expected: 0, actual: 1 } });
    expect((second as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersionError);
    expect(third).toMatchObject({ status: 'fulfilled', value: { stream: other, revision: 0, position: 3 } });
    expect((await store.readStream(raced)).map((e) => e.type)).toEqual(['Opened', 'First']);
    expect(expectChain()).toBe(3);
  });

  it('given the same ids twice in one group, when it commits, then the second is the first result again', async () => {
    const stream = uniqueStream();
    const batch = newEvents(3);
    const [first, retry] = await Promise.all([store.append(stream, batch), store.append(stream, batch)]);
    expect(groups).toEqual([{ appends: 2, events: 3 }]);
    expect(retry).toEqual<AppendResult>({ ...first, idempotent: true });
    expect(await store.readStream(stream)).toHaveLength(3);
  });

  it('given an append reusing an id written earlier in its group, when it commits, then none of its events is kept', async () => {
    const taken = newEvent('Taken');
    const [a, b, c] = [uniqueStream(), uniqueStream(), uniqueStream()];
    const outcomes = await Promise.allSettled([
      store.append(a, [taken]),
      store.append(b, [newEvent('BeforeTheTwin'), taken]),
      store.append(c, [newEvent('After')]),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateEventIdError);
    await expect(store.readStream(b)).rejects.toThrow(/not found/);
    expect(await store.readStream(c)).toMatchObject([{ position: 2 }]);
    expect(expectChain()).toBe(2);
  });

  it('given a group, when its appends resolve, then another connection already sees their events', async () => {
    const reader = new Database(file, { readonly: true });
    const count = reader.prepare('SELECT COUNT(*) FROM events WHERE id = ?').pluck();
    const seen: number[] = [];
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        const event = newEvent('Seen');
        const pending = store.append(uniqueStream(), [event]);
        // Not yet committed while the turn that submitted it runs.
        seen.push(count.get(event.id) as number);
        await pending;
        seen.push(count.get(event.id) as number);
      }),
    );
    reader.close();
    expect(seen.slice(0, 20)).toEqual(Array(20).fill(0));
    expect(seen.slice(20)).toEqual(Array(20).fill(1));
  });

  it('given another process holding the write lock, when the group cannot commit, then every append of it fails and nothing is written', async () => {
    await store.close();
    store = await SqliteEventStore.open(file, { busyTimeoutMs: 50 });
    child = startNode(fixture('hold-write-lock.mjs'), [file, '10000']);
    await child.waitForLine((line) => line === 'locked');
    const outcomes = await Promise.allSettled(
      Array.from({ length: 5 }, () => store.append(uniqueStream(), [newEvent('Blocked')])),
    );
    for (const outcome of outcomes) {
      expect(outcome.status).toBe('rejected');
      expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(StoreBusyError);
    }
    child.process.stdin?.write('release\n');
    await child.exited;
    expect((await store.head()).position).toBe(0);
  });

  it('given appends still queued, when the store closes, then they are committed and answered first', async () => {
    const pending = store.append(uniqueStream(), [newEvent('Queued')]);
    await store.close();
    await expect(pending).resolves.toMatchObject({ position: 1 });
    await expect(store.append(uniqueStream(), [newEvent('Late')])).rejects.toThrow(/closed/);
  });

  it('given writers killed with SIGKILL mid-group, when the file is reopened, then every acknowledged append is there', async () => {
    child = startNode(fixture('group-append-until-killed.mjs'), [file, '24'], { typescript: true });
    await child.waitForLine((line) => line.startsWith('group ') && Number(line.split(' ')[1]) > 1, 20_000);
    await child.waitForLine((line) => line.startsWith('ack '));
    await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
    child.process.kill('SIGKILL');
    await child.exited;
    const acks = child.lines.filter((line) => line.startsWith('ack ')).map((line) => line.split(' '));
    expect(acks.length).toBeGreaterThan(24);
    const db = new Database(file, { readonly: true });
    const find = db.prepare('SELECT stream, position FROM events WHERE id = ?').raw(true);
    for (const [, id, stream, position] of acks) expect(find.get(id)).toEqual([stream, Number(position)]);
    db.close();
    expect(expectChain()).toBeGreaterThanOrEqual(acks.length);
  });
});
