import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commandHeaders } from '../../bench/http-headers.js';
import { mixedCommand, setUpWorld } from '../../bench/http-world.js';
import { freePort } from '../support/engine-process.js';
import { KilledEngine } from './killer.js';
import { runClients } from './load-clients.js';
import {
  chainBreaks,
  compareWithRebuild,
  doubledCommands,
  missingAcknowledged,
  readLog,
} from './log-checks.js';
import { loadSeed, seededRandom } from './seeded-random.js';

/** Bounded by count, never judged on speed. */
const COMMANDS = 400;
const CLIENTS = 16;
const KILLS = 3;
const WORLD = { activities: 12, draftPlans: 4 };

/**
 * Many concurrent HTTP clients send mixed commands to the built engine in a child process while
 * it is killed with SIGKILL at seeded points of their progress and restarted on the same data folder.
 * Afterwards every acknowledged command is in the log, nothing is doubled (retries reuse the
 * Idempotency-Key), the hash chain holds and the read models equal a full rebuild.
 */
describe('the engine killed under load', () => {
  const seed = loadSeed();
  let dir: string;
  let engine: KilledEngine | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kurultai-load-'));
    console.log(`crash-and-load seed ${seed} (KURULTAI_LOAD_SEED=${seed} repeats the kill moments)`);
  });
  afterAll(async () => {
    await engine?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`keeps every acknowledged command of ${COMMANDS}, doubles none, over ${KILLS} kills`, async () => {
    const dataDir = join(dir, 'data');
    const env = { KURULTAI_DATA_DIR: dataDir, KURULTAI_LOG_LEVEL: 'error' };
    engine = new KilledEngine(env, await freePort());
    await engine.whenLive();
    const headers = await commandHeaders(dataDir);
    await setUpWorld(engine.url, headers, WORLD);

    const commandOf = (n: number) => ({ commandId: `load-${seed}-${n}`, ...mixedCommand(WORLD, 0, n) });
    let finished = false;
    let taken = 0;
    const killing = engine.killRepeatedly(
      KILLS,
      seededRandom(seed),
      () => taken,
      COMMANDS,
      () => finished,
    );
    const clients = runClients({
      url: () => engine!.url,
      headers,
      clients: CLIENTS,
      count: COMMANDS,
      commandOf,
      deadline: Date.now() + 90_000,
      onTaken: (n) => (taken = n),
    }).finally(() => (finished = true));
    const [run] = await Promise.all([clients, killing]);

    const replayed = run.acknowledged.filter((ack) => ack.replayed).length;
    console.log(
      `crash-and-load: ${engine.kills.length} kills after ${engine.kills.join(', ')} commands taken; ` +
        `${run.acknowledged.length} acknowledged (${replayed} as replays of a retried key), ` +
        `refused ${JSON.stringify(run.refused)}, ${run.retried} attempts retried`,
    );
    expect(run.broken).toEqual([]);
    expect(engine.kills.length).toBeGreaterThan(0);
    // Clients were sending when each kill came: some attempts found the engine gone and were sent again.
    expect(run.retried).toBeGreaterThan(0);
    const refused = Object.values(run.refused).reduce((a, b) => a + b, 0);
    expect(run.acknowledged.length + refused).toBe(COMMANDS);
    expect(run.acknowledged.length).toBeGreaterThan(COMMANDS / 2);

    // Retried once more with the same keys, acknowledged commands answer from the log.
    await engine.whenLive();
    const again = await runClients({
      url: () => engine!.url,
      headers,
      clients: 4,
      count: 40,
      commandOf: (i) => commandOf(Number(run.acknowledged[i].commandId.split('-').pop())),
      deadline: Date.now() + 30_000,
    });
    expect(again.acknowledged.map((ack) => ack.replayed)).toEqual(Array(40).fill(true));
    const first = new Map(run.acknowledged.map((ack) => [ack.commandId, ack.events]));
    for (const ack of again.acknowledged) expect(ack.events).toEqual(first.get(ack.commandId));

    // The read models catch up with the log, then the engine stops as an operator stops it.
    await caughtUp(engine.url, headers);
    await engine.stop();

    const storeFile = join(dataDir, 'events.sqlite');
    const log = await readLog(storeFile);
    expect(missingAcknowledged(log, run.acknowledged)).toEqual([]);
    expect(doubledCommands(log, (commandId) => commandId.startsWith(`load-${seed}-`))).toEqual([]);
    // Every command a client sent and got an answer to with events is there once.
    const clientCommands = new Set(
      log.map((e) => e.metadata.commandId).filter((id) => id.startsWith('load-')),
    );
    expect(clientCommands.size).toBe(run.acknowledged.filter((ack) => ack.events.length > 0).length);
    expect(chainBreaks(storeFile)).toEqual([]);
    const models = await compareWithRebuild(
      storeFile,
      join(dataDir, 'read-models.sqlite'),
      join(dir, 'rebuilt.sqlite'),
    );
    expect(models.tables.length).toBeGreaterThan(5);
    expect(models.live).toEqual(models.rebuilt);
    expect(models.liveCheckpoints).toEqual(models.rebuiltCheckpoints);
  }, 180_000);
});

/** Waits until every projection has applied the whole log. */
async function caughtUp(url: string, headers: Record<string, string>): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const response = await fetch(`${url}/health/ready`, { headers });
    const body = (await response.json()) as { projections?: { lagEvents: number }[] };
    if (response.status === 200 && body.projections?.every((p) => p.lagEvents === 0)) return;
    if (Date.now() > deadline) throw new Error(`the read models did not catch up: ${JSON.stringify(body)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
