import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore } from '../event-store.js';
import { EsdbEventStore } from '../esdb/esdb-event-store.js';
import { EsdbProtocolDouble } from '../esdb/testing/esdb-protocol-double.js';
import { SqliteEventStore } from '../sqlite/sqlite-event-store.js';
import { newEvent } from '../testing/index.js';
import {
  compareLogs,
  copyLog,
  findResumePoint,
  TargetNotACopyError,
  type MigrationEndpoint,
} from './index.js';

/** Copying a log between the embedded store and EventStoreDB (over real gRPC to the protocol double). */
describe('log migration between SQLite and EventStoreDB', () => {
  let root: string;
  const doubles: EsdbProtocolDouble[] = [];
  const stores: EventStore[] = [];
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'kurultai-migration-'));
  });
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    await Promise.all(doubles.splice(0).map((double) => double.stop()));
    rmSync(root, { recursive: true, force: true });
  });

  const sqlite = async (name: string): Promise<MigrationEndpoint> => {
    const store = await SqliteEventStore.open(join(root, name));
    stores.push(store);
    return { store, positionsAreOrdinals: true };
  };
  const esdb = async (): Promise<MigrationEndpoint> => {
    const double = await EsdbProtocolDouble.start();
    doubles.push(double);
    const store = await EsdbEventStore.open(double.connectionString);
    stores.push(store);
    return { store, positionsAreOrdinals: false };
  };

  /** `count` events over five streams, interleaved, some appended several at a time. */
  const seed = async (store: EventStore, count: number) => {
    let n = 0;
    while (n < count) {
      const stream = `thing-${n % 5}`;
      const size = Math.min(count - n, n % 7 === 0 ? 3 : 1);
      const events = Array.from({ length: size }, (_, i) =>
        newEvent(
          i % 2 ? 'ThingRenamed' : 'ThingHappened',
          {
            n: n + i,
            name: { en: `thing ${n + i}`, tr: `şey ${n + i}`, 'uz-Cyrl': 'нарса' },
            nested: { z: 1, a: [true, null, 2.5] },
          },
          { schemaVersion: 1 + ((n + i) % 2), metadata: { source: { kind: 'minutes', title: `m${n + i}` } } },
        ),
      );
      await store.append(stream, events);
      n += size;
    }
  };

  it('copies SQLite to EventStoreDB and back: same events, ids, streams, revisions and envelopes', async () => {
    const original = await sqlite('original.sqlite');
    await seed(original.store, 60);
    const server = await esdb();
    const there = await copyLog(original, server, { batchSize: 16 });
    expect(there).toMatchObject({ resumedAfter: 0, copiedNow: 60, events: 60 });
    const back = await sqlite('back.sqlite');
    expect(await copyLog(server, back, { batchSize: 7 })).toMatchObject({ copiedNow: 60, events: 60 });

    const toServer = await compareLogs(original.store, server.store, { pageSize: 9 });
    const roundTrip = await compareLogs(original.store, back.store);
    expect(toServer).toMatchObject({ same: true, events: 60 });
    expect(roundTrip).toMatchObject({ same: true, events: 60 });
    expect(toServer.targetChainHead).toBe(roundTrip.targetChainHead);
    expect(await back.store.readAll()).toEqual(await original.store.readAll());
  });

  it('resumes a copy to EventStoreDB stopped after two batches: nothing doubled, nothing missing', async () => {
    const source = await sqlite('source.sqlite');
    await seed(source.store, 50);
    const target = await esdb();
    const stop = new AbortController();
    let batches = 0;
    const interrupted = copyLog(source, target, {
      batchSize: 10,
      signal: stop.signal,
      onProgress: () => ++batches === 2 && stop.abort(),
    });
    await expect(interrupted).rejects.toThrow(/abort/i);
    expect(await findResumePoint(source, target)).toMatchObject({ copied: 20, after: 20 });

    const resumed = await copyLog(source, target, { batchSize: 10 });
    expect(resumed).toMatchObject({ resumedAfter: 20, copiedNow: 30, events: 50 });
    const copied = await target.store.readAll();
    expect(new Set(copied.map((event) => event.id)).size).toBe(50);
    expect(await compareLogs(source.store, target.store)).toMatchObject({ same: true, events: 50 });
    // Running it again finds everything copied.
    expect(await copyLog(source, target)).toMatchObject({ resumedAfter: 50, copiedNow: 0, events: 50 });
  });

  it('resumes a copy from EventStoreDB to SQLite, and between two EventStoreDB servers', async () => {
    const source = await esdb();
    await seed(source.store, 40);
    const sqliteTarget = await sqlite('target.sqlite');
    const otherServer = await esdb();
    for (const target of [sqliteTarget, otherServer]) {
      const stop = new AbortController();
      await expect(
        copyLog(source, target, {
          batchSize: 8,
          signal: stop.signal,
          onProgress: (p) => p.copied >= 24 && stop.abort(),
        }),
      ).rejects.toThrow(/abort/i);
      expect((await findResumePoint(source, target)).copied).toBe(24);
      expect(await copyLog(source, target, { batchSize: 8 })).toMatchObject({
        resumedAfter: 24,
        copiedNow: 16,
      });
      expect(await compareLogs(source.store, target.store)).toMatchObject({ same: true, events: 40 });
    }
  });

  it('refuses to continue into a target that holds other events', async () => {
    const source = await sqlite('source.sqlite');
    await seed(source.store, 5);
    for (const target of [await sqlite('other.sqlite'), await esdb()]) {
      await target.store.append('thing-0', [newEvent('ThingHappened', { n: 'elsewhere' })]);
      await expect(copyLog(source, target)).rejects.toThrow(TargetNotACopyError);
    }
  });

  it('reports the first difference with its event number and positions', async () => {
    const source = await sqlite('source.sqlite');
    await seed(source.store, 30);
    const target = await sqlite('target.sqlite');
    await copyLog(source, target);
    await target.store.close();
    const file = new Database(join(root, 'target.sqlite'));
    file.prepare(`UPDATE events SET data = json_set(data, '$.n', 1000) WHERE position = 17`).run();
    file.close();
    const edited = await sqlite('target.sqlite');
    const result = await compareLogs(source.store, edited.store, { pageSize: 4 });
    expect(result).toMatchObject({
      same: false,
      events: 16,
      difference: { event: 17, field: 'data', source: { position: 17 }, target: { position: 17 } },
    });
    expect(result.sourceChainHead).not.toBe(result.targetChainHead);

    await source.store.append('thing-9', [newEvent('ThingHappened')]);
    const missing = await compareLogs(source.store, (await sqlite('target.sqlite')).store);
    expect(missing.difference).toMatchObject({ event: 17 });
    const copy = await sqlite('copy.sqlite');
    await copyLog(source, copy);
    expect(await compareLogs(source.store, copy.store)).toMatchObject({ same: true, events: 31 });
    await copy.store.append('thing-9', [newEvent('ThingHappened')]);
    expect((await compareLogs(source.store, copy.store)).difference).toMatchObject({
      event: 32,
      field: 'extra-in-target',
      target: { position: 32, stream: 'thing-9', revision: 1 },
    });
    expect((await compareLogs(copy.store, source.store)).difference).toMatchObject({
      event: 32,
      field: 'missing-in-target',
      source: { position: 32 },
    });
  });
});
