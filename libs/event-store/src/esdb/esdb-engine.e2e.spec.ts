import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlueGreenRebuild, ProjectionRunner } from '#eventsourcing';
import { writeWorldLog } from '../../../../bench/world-log.js';
import { ConfigError, loadConfig } from '../../../../apps/api/src/config.js';
import { startEngine, type RunningEngine } from '../../../../test/support/engine.js';
import { freePort, spawnEngine } from '../../../../test/support/engine-process.js';
import { EsdbEventStore } from './esdb-event-store.js';
import { EsdbProtocolDouble } from './testing/esdb-protocol-double.js';

const onEsdb = (double: EsdbProtocolDouble) => ({
  KURULTAI_STORE: 'esdb',
  KURULTAI_ESDB_CONNECTION_STRING: double.connectionString,
});

/** Every table of the read-model database, rows sorted, for comparing two of them. */
function tablesOf(runner: ProjectionRunner): Record<string, string[]> {
  const db = runner.database;
  const names = db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all()
    .map((row) => row.name);
  return Object.fromEntries(
    names.map((name) => [
      name,
      db
        .prepare(`SELECT * FROM "${name}"`)
        .all()
        // When a checkpoint was written is not part of what the read models say.
        .map((row) => JSON.stringify({ ...(row as object), updated_at: undefined }))
        .sort(),
    ]),
  );
}

async function caughtUp(engine: RunningEngine, position: number): Promise<void> {
  expect(await engine.app.get(ProjectionRunner).waitFor(position, 120_000)).toBe(true);
}

describe('the engine on EventStoreDB (KURULTAI_STORE=esdb), over gRPC to the protocol double', () => {
  let double: EsdbProtocolDouble;
  const engines: RunningEngine[] = [];

  beforeEach(async () => {
    double = await EsdbProtocolDouble.start();
  });
  afterEach(async () => {
    for (const engine of engines.splice(0)) await engine.close();
    await double.stop();
  });

  it('refuses at configuration a connection string the client does not accept, naming the setting', () => {
    expect(() => loadConfig({ KURULTAI_STORE: 'esdb' })).toThrow(
      /KURULTAI_ESDB_CONNECTION_STRING is required when KURULTAI_STORE is "esdb"/,
    );
    let error: unknown;
    try {
      loadConfig({ KURULTAI_STORE: 'esdb', KURULTAI_ESDB_CONNECTION_STRING: 'http://db.example:2113' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.join('\n')).toMatch(
      /KURULTAI_ESDB_CONNECTION_STRING must be a connection string EventStoreDB accepts/,
    );
    expect(loadConfig(onEsdb(double))).toMatchObject(onEsdb(double));
  });

  it('does not start when nobody answers at the address: exits non-zero with a message naming it', async () => {
    const address = double.connectionString;
    await double.stop();
    const dir = mkdtempSync(join(tmpdir(), 'kurultai-esdb-'));
    try {
      const engine = spawnEngine(
        { KURULTAI_DATA_DIR: dir, KURULTAI_STORE: 'esdb', KURULTAI_ESDB_CONNECTION_STRING: address },
        await freePort(),
      );
      expect(await engine.exited()).not.toBe(0);
      expect(engine.output()).toContain(`EventStoreDB at ${address}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('records commands in EventStoreDB, verifies the audit chain of each stream, and says checkpoints and proofs need the embedded store', async () => {
    const engine = await startEngine(onEsdb(double));
    engines.push(engine);
    const reply = await engine.post('/api/commands/RegisterState', {
      code: 'UZ',
      name: { en: 'Uzbekistan' },
      membership: 'member',
      since: '2019-10-15',
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      stream: 'state-UZ',
      revision: 0,
      events: [{ type: 'StateRegistered' }],
    });

    const store = await EsdbEventStore.open(double.connectionString);
    try {
      const [event] = await store.readStream('state-UZ');
      expect(event).toMatchObject({ type: 'StateRegistered', position: reply.body.position });
      expect(await store.verifyChains()).toMatchObject({ ok: true, streams: expect.any(Number) });
    } finally {
      await store.close();
    }

    // The audit verification walks each stream's chain; checkpoints and proofs need SQLite.
    const verified = await engine.get('/api/audit/verify');
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ ok: true, chains: 'per-stream', problems: [] });
    expect(verified.body.events).toBeGreaterThanOrEqual(1);
    for (const path of ['/api/audit/checkpoints', '/api/audit/proofs/inclusion?position=1']) {
      const audit = await engine.get(path);
      expect(audit.status).toBe(501);
      expect(audit.contentType).toContain('application/problem+json');
      expect(audit.body).toMatchObject({ type: 'urn:kurultai:problem:embedded-store-only', status: 501 });
    }
    expect((await engine.post('/api/audit/checkpoints', {})).status).toBe(501);
  });

  it('reconnects when the server is killed in the middle of a catch-up, and its read models equal a full rebuild', async () => {
    const seed = await EsdbEventStore.open(double.connectionString);
    await writeWorldLog(seed, 2_000);
    const { position: head } = await seed.head();
    await seed.close();

    const engine = await startEngine(onEsdb(double));
    engines.push(engine);
    const runner = engine.app.get(ProjectionRunner);
    while (runner.position === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const atKill = runner.position;
    double.kill();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await double.restart();
    expect(atKill).toBeLessThan(head);
    await caughtUp(engine, head);

    // The process managers act on the log too: wait until it stops growing.
    const store = engine.app.get<symbol, EsdbEventStore>(Symbol.for('kurultai.EventStore'));
    let settled = head;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const now = (await store.head()).position;
      if (now === settled) break;
      settled = now;
      await caughtUp(engine, settled);
    }
    const resumed = tablesOf(runner);

    const rebuild = engine.app.get(BlueGreenRebuild);
    rebuild.start();
    expect(await rebuild.settled()).toMatchObject({ state: 'done' });
    expect(resumed).toEqual(tablesOf(runner));
    expect(Object.values(resumed).flat().length).toBeGreaterThan(1_000);
  }, 300_000);
});
