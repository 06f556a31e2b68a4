import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreBusyError } from '../errors.js';
import { startNode, type NodeChild } from '../testing/child-process.js';
import { newEvent, puller, uniqueStream } from '../testing/index.js';
import { SqliteEventStore } from './sqlite-event-store.js';

const fixture = (name: string) => join(__dirname, 'fixtures', name);

describe('SqliteEventStore shared with another process', () => {
  let dir: string;
  let file: string;
  let store: SqliteEventStore;
  let child: NodeChild | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kurultai-processes-'));
    file = join(dir, 'events.sqlite');
  });
  afterEach(async () => {
    if (child && child.process.exitCode === null && child.process.signalCode === null) child.process.kill();
    await child?.exited;
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const holdLock = async (holdMs: number): Promise<NodeChild> => {
    child = startNode(fixture('hold-write-lock.mjs'), [file, String(holdMs)]);
    await child.waitForLine((line) => line === 'locked');
    return child;
  };

  it('waits for the write lock another process holds, then appends', async () => {
    store = await SqliteEventStore.open(file);
    await holdLock(400);
    const stream = uniqueStream();
    const result = await store.append(stream, [newEvent('AfterTheLock')], { expectedRevision: 'no_stream' });
    const appendedAt = Date.now();
    expect(result).toMatchObject({ stream, revision: 0, position: 1 });
    const released = await child!.waitForLine((line) => line.startsWith('released '));
    // The append went through only once the other process had let go of the lock.
    expect(appendedAt).toBeGreaterThanOrEqual(Number(released.split(' ')[1]));
    expect((await child!.exited).code).toBe(0);
  });

  it('gives up with StoreBusyError after its busy timeout, writing nothing', async () => {
    store = await SqliteEventStore.open(file, { busyTimeoutMs: 50 });
    const holder = await holdLock(10_000);
    const stream = uniqueStream();
    const error = await store.append(stream, [newEvent('Blocked')]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoreBusyError);
    expect((error as Error).message).toMatch(/locked by another connection or process/);

    holder.process.stdin?.write('release\n');
    await holder.exited;
    expect(await store.head()).toEqual({ position: 0, recordedAt: null });
    expect(await store.append(stream, [newEvent('Unblocked')])).toMatchObject({ revision: 0, position: 1 });
  });

  it('delivers events another process appends to a live subscription', async () => {
    store = await SqliteEventStore.open(file, { pollIntervalMs: 50 });
    await store.append(uniqueStream(), [newEvent('Local')]);
    const pull = puller(store.subscribeToAll());
    expect(await pull(1)).toHaveLength(1);

    const waiting = pull(5);
    const stream = uniqueStream();
    child = startNode(fixture('append-events.mjs'), [file, stream, '5'], { typescript: true });
    const { ids } = JSON.parse(await child.waitForLine((line) => line.startsWith('{'))) as { ids: string[] };
    const received = await waiting;
    expect(received.map((event) => event.id)).toEqual(ids);
    expect(received.map((event) => [event.stream, event.revision, event.position])).toEqual(
      ids.map((_, n) => [stream, n, n + 2]),
    );
  });
});
