import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, spawnEngine, waitUntilLive } from '../support/engine-process.js';
import { draftPlan } from '../support/tashkent.js';

/** The engine as `npm start` runs it: the built entry point in its own process. */
describe('starting the engine', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'kurultai-start-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves the API, health and OpenAPI on PORT with the store in KURULTAI_DATA_DIR, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const data = join(dataDir, 'nested', 'data');
    const engine = spawnEngine({ KURULTAI_DATA_DIR: data }, port);
    await waitUntilLive(engine);
    expect((await fetch(`${engine.url}/health/ready`)).status).toBe(200);
    const openapi = (await (await fetch(`${engine.url}/api/openapi.json`)).json()) as { paths: object };
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining(['/api/commands/DraftPlan', '/api/plans/{id}']),
    );
    expect((await fetch(`${engine.url}/api/docs`)).status).toBe(200);
    const reply = await engine.fetch('/api/commands/DraftPlan', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(draftPlan),
    });
    expect(reply.status).toBe(200);
    expect(existsSync(join(data, 'events.sqlite'))).toBe(true);

    engine.child.kill('SIGTERM');
    expect(await engine.exited()).toBe(0);
    expect(engine.output()).not.toMatch(/Error/);
  });

  it('refuses to start on a configuration mistake, naming each one', async () => {
    const engine = spawnEngine(
      { KURULTAI_DATA_DIR: dataDir, KURULTAI_STORE: 'mongo', KURULTAI_READ_WAIT_MS: 'soon' },
      70000,
    );
    expect(await engine.exited()).toBe(2);
    expect(engine.output()).toMatch(/PORT must be between 0 and 65535/);
    expect(engine.output()).toMatch(/KURULTAI_STORE must be "sqlite"/);
    expect(engine.output()).toMatch(/KURULTAI_READ_WAIT_MS must be a whole number/);
  });
});
