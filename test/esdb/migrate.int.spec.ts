import { jsonEvent } from '@eventstore/db-client';
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../apps/cli/src/program.js';
import {
  AuditReader,
  CHECKPOINT_EVENT,
  CHECKPOINT_STREAM,
  loadOrCreateKey,
  MerkleTree,
  signCheckpoint,
  verifyExport,
  verifyLog,
  type AuditKey,
} from '#audit';
import { SqliteEventStore, type EventStore } from '#event-store';
import { EsdbEventStore } from '../../libs/event-store/src/esdb/esdb-event-store.js';
import { EsdbProtocolDouble } from '../../libs/event-store/src/esdb/testing/esdb-protocol-double.js';
import { LogChain } from '../../libs/event-store/src/migration/index.js';
import { startNode, type NodeChild } from '../../libs/event-store/src/testing/child-process.js';
import { newEvent, testMetadata } from '../../libs/event-store/src/testing/event-builders.js';

const ORIGIN = 'kurultai.test/events';
const KURULTAI = join(__dirname, 'fixtures', 'kurultai-from-sources.mjs');

/** `kurultai migrate` between the embedded store and EventStoreDB (the protocol double, real gRPC). */
describe('kurultai migrate', () => {
  let root: string;
  let double: EsdbProtocolDouble;
  let key: AuditKey;
  let child: NodeChild | undefined;
  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'kurultai-migrate-'));
    double = await EsdbProtocolDouble.start();
    key = loadOrCreateKey(join(root, 'keys', 'audit-key.pem'), ORIGIN);
  });
  afterEach(async () => {
    if (child && child.process.exitCode === null && child.process.signalCode === null)
      child.process.kill('SIGKILL');
    await child?.exited;
    child = undefined;
    await double.stop();
    rmSync(root, { recursive: true, force: true });
  });

  const kurultai = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await run(args, {
      output: { out: (text) => void out.push(text), err: (text) => void err.push(text) },
      progress: false,
    });
    return {
      code,
      stdout: out.join(''),
      stderr: err.join(''),
      report: out.length ? JSON.parse(out.join('')) : undefined,
    };
  };
  const publicKey = () => readFileSync(join(root, 'keys', 'audit-key.pub.pem'), 'utf8');
  const rows = (file: string) => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare('SELECT * FROM events ORDER BY position').all();
    } finally {
      db.close();
    }
  };

  /** A log as the engine writes it: events of several streams and signed checkpoints (as AuditLog signs them). */
  const signedLog = async (file: string, count: number) => {
    mkdirSync(join(file, '..'), { recursive: true });
    const store = await SqliteEventStore.open(file);
    const checkpoint = async () => {
      const reader = AuditReader.open(file);
      const size = reader.size();
      const time = new Date().toISOString();
      const signed = signCheckpoint(
        { origin: ORIGIN, size, rootHash: new MerkleTree(reader).root(size).toString('base64'), time },
        key,
      );
      reader.close();
      await store.append(CHECKPOINT_STREAM, [
        newEvent(
          CHECKPOINT_EVENT,
          { ...signed },
          {
            metadata: {
              actor: { id: 'audit', role: 'system' },
              occurredAt: time,
              recordedAt: time,
              visibility: 'public',
            },
          },
        ),
      ]);
    };
    for (let n = 0; n < count; n++) {
      await store.append(`plan-${n % 6}`, [
        newEvent(n % 4 ? 'ActivityAddedToPlan' : 'PlanAmended', {
          n,
          title: { en: `Activity ${n}`, 'uz-Cyrl': 'Тадбир', tr: 'Etkinlik çalıştayı' },
          dates: { start: '2025-03-01', end: null },
        }),
      ]);
      if (n === Math.floor(count / 2)) await checkpoint();
    }
    await checkpoint();
    await store.close();
  };
  const withStore = async <T>(open: Promise<EventStore>, work: (store: EventStore) => Promise<T>) => {
    const store = await open;
    try {
      return await work(store);
    } finally {
      await store.close();
    }
  };

  it('copies SQLite to EventStoreDB and back byte for byte, with the audit chain and checkpoints verifying on each side', async () => {
    const original = join(root, 'original', 'events.sqlite');
    const back = join(root, 'back', 'events.sqlite');
    await signedLog(original, 40);

    const there = await kurultai(
      'migrate',
      '--from',
      `sqlite:${join(root, 'original')}`,
      '--to',
      `esdb:${double.connectionString}`,
      '--batch-size',
      '16',
    );
    expect(there.stderr).toMatch(/^migrate: 42 events copied \(42 now\), \d+ events\/s, 100% of the source/m);
    expect(there).toMatchObject({
      code: 0,
      report: { copy: { resumedAfter: 0, copiedNow: 42, events: 42 }, check: { same: true, events: 42 } },
    });
    const home = await kurultai('migrate', '--from', double.connectionString, '--to', `sqlite:${back}`);
    expect(home).toMatchObject({
      code: 0,
      report: { copy: { copiedNow: 42 }, check: { same: true, events: 42 } },
    });
    expect(home.report.check.targetChainHead).toBe(there.report.check.sourceChainHead);
    // EventStoreDB's own chains, one per stream (six plans and the checkpoints), written by the copy.
    const chains = { ok: true, streams: 7, events: 42, problems: [] };
    expect(there.report.esdbChains).toEqual({ target: chains });
    expect(home.report.esdbChains).toEqual({ source: chains });

    // The embedded store computed the chain again on append: the same hashes, so the same rows.
    const options = { origin: ORIGIN, publicKeys: [publicKey()] };
    const verified = { ok: true, events: 42, checkpoints: 2, signedSize: 41 };
    expect(verifyLog(original, options)).toEqual(verified);
    expect(verifyLog(back, options)).toEqual(verified);
    expect(rows(back)).toEqual(rows(original));
    // On EventStoreDB: the events as the server holds them, chained in log order, give the Merkle
    // roots the checkpoints signed, and the signatures hold.
    const exported = join(root, 'esdb-log.ndjson');
    await withStore(EsdbEventStore.open(double.connectionString), async (store) => {
      const chain = new LogChain();
      const lines = [
        JSON.stringify({
          format: 'kurultai-log-export',
          version: 1,
          exportedAt: new Date().toISOString(),
          events: 42,
          sequence: null,
        }),
      ];
      for (const event of await store.readAll()) {
        const prevHash = chain.head;
        const { hash } = chain.push(event);
        lines.push(
          JSON.stringify({
            position: chain.length,
            id: event.id,
            stream: event.stream,
            revision: event.revision,
            type: event.type,
            schemaVersion: event.schemaVersion,
            data: JSON.stringify(event.data),
            metadata: JSON.stringify(event.metadata),
            recordedAt: event.metadata.recordedAt,
            prevHash,
            hash,
          }),
        );
      }
      writeFileSync(exported, lines.join('\n') + '\n');
    });
    expect(verifyExport(exported, publicKey(), { origin: ORIGIN })).toEqual(verified);
  });

  it('resumes after the copy was killed (SIGKILL) mid-way: nothing doubled, nothing missing', async () => {
    const source = join(root, 'source.sqlite');
    await signedLog(source, 100);
    child = startNode(
      KURULTAI,
      ['migrate', '--from', `sqlite:${source}`, '--to', double.connectionString, '--batch-size', '10'],
      { typescript: true },
    );
    const watcher = await EsdbEventStore.open(double.connectionString);
    try {
      while ((await watcher.head()).position === 0) {
        if (child.process.exitCode !== null) throw new Error(`the copy ended early: ${child.stderr()}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      child.process.kill('SIGKILL');
      expect((await child.exited).signal).toBe('SIGKILL');
      const before = await watcher.readAll();
      expect(before.length).toBeGreaterThan(0);
      expect(before.length).toBeLessThan(102);

      const resumed = await kurultai(
        'migrate',
        '--from',
        `sqlite:${source}`,
        '--to',
        double.connectionString,
      );
      expect(resumed).toMatchObject({
        code: 0,
        report: {
          copy: { resumedAfter: before.length, copiedNow: 102 - before.length, events: 102 },
          check: { same: true, events: 102 },
        },
      });
      const after = await watcher.readAll();
      expect(new Set(after.map((event) => event.id)).size).toBe(102);
      expect(after.slice(0, before.length)).toEqual(before);
    } finally {
      await watcher.close();
    }
  }, 60_000);

  it('--check names the first event where the logs differ, with both positions', async () => {
    const source = join(root, 'source.sqlite');
    await signedLog(source, 12);
    expect(
      (await kurultai('migrate', '--from', `sqlite:${source}`, '--to', double.connectionString, '--no-check'))
        .report,
    ).toEqual(expect.not.objectContaining({ check: expect.anything() }));
    expect(
      await kurultai('migrate', '--check', '--from', `sqlite:${source}`, '--to', double.connectionString),
    ).toMatchObject({
      code: 0,
      report: { check: { same: true, events: 14 } },
    });
    const planted = await withStore(EsdbEventStore.open(double.connectionString), (store) =>
      store.append('plan-3', [newEvent('PlanAmended', { planted: true })]),
    );
    const checked = await kurultai(
      'migrate',
      '--check',
      '--from',
      `sqlite:${source}`,
      '--to',
      double.connectionString,
    );
    expect(checked.code).toBe(1);
    expect(checked.report.check).toMatchObject({
      same: false,
      events: 14,
      difference: {
        event: 15,
        field: 'extra-in-target',
        target: { position: planted.position, stream: 'plan-3', revision: 2 },
      },
    });
    expect(checked.stderr).toBe(
      `kurultai: the logs differ at event 15 (extra-in-target; target position ${planted.position}); the 14 before it are the same\n`,
    );
  });

  it("reports an EventStoreDB event outside its stream's audit chain, even when both logs agree", async () => {
    const server = await EsdbEventStore.open(double.connectionString);
    try {
      await server.append('plan-1', [newEvent('PlanDrafted', { planId: '1' })]);
      // Written around the adapter, as someone with access to the server could: no audit link.
      await server.client.appendToStream(
        'plan-1',
        jsonEvent({ type: 'PlanAmended', data: { planId: '1' }, metadata: { ...testMetadata() } }),
      );
    } finally {
      await server.close();
    }
    const copied = await kurultai(
      'migrate',
      '--from',
      double.connectionString,
      '--to',
      `sqlite:${join(root, 'copy.sqlite')}`,
    );
    expect(copied.report).toMatchObject({
      check: { same: true, events: 2 },
      esdbChains: {
        source: { ok: false, problems: [{ stream: 'plan-1', revision: 1, problem: 'missing' }] },
      },
    });
    expect(copied.code).toBe(1);
    expect(copied.stderr).toMatch(
      /^kurultai: the audit chain of the source \(EventStoreDB\) is broken in stream plan-1 at revision 1, position \d+ \(missing\)$/m,
    );
  });

  it('refuses what it cannot copy with a clear message', async () => {
    expect(
      await kurultai(
        'migrate',
        '--from',
        `sqlite:${join(root, 'none.sqlite')}`,
        '--to',
        double.connectionString,
      ),
    ).toMatchObject({
      code: 4,
      stderr: expect.stringContaining('there is no event log at'),
    });
    expect(
      await kurultai('migrate', '--from', 'postgres://x', '--to', double.connectionString),
    ).toMatchObject({ code: 2 });
    const file = join(root, 'same.sqlite');
    await signedLog(file, 1);
    expect(await kurultai('migrate', '--from', `sqlite:${file}`, '--to', `sqlite:${file}`)).toMatchObject({
      code: 2,
      stderr: 'kurultai: --from and --to are the same log\n',
    });
  });
});
