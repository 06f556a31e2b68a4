import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, ROOT, spawnEngine, waitUntilLive } from '../support/engine-process.js';
import { startEngine } from '../support/engine.js';

const CLI = join(ROOT, 'dist', 'apps', 'cli', 'src', 'main.js');

const institution = (n: number) => ({
  institutionId: `secretariat-unit-${n}`,
  state: null,
  name: { en: `Secretariat unit ${n}` },
  validFrom: '2021-11-12',
});

/** Operations over real HTTP and real processes: /metrics, readiness, graceful shutdown, the built CLI. */
describe('operations', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'kurultai-ops-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves Prometheus metrics: command latency, appended events, projection lag, process managers', async () => {
    const engine = await startEngine({}, dataDir);
    try {
      expect((await engine.post('/api/commands/RegisterInstitution', institution(1))).status).toBe(200);
      expect(
        (await engine.post('/api/commands/RegisterInstitution', institution(1), { 'idempotency-key': 'x' }))
          .status,
      ).toBe(409);
      const response = await fetch(`${engine.url}/metrics`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = await response.text();
      expect(text).toMatch(
        /kurultai_command_duration_seconds_count\{command="RegisterInstitution",outcome="accepted"\} 1/,
      );
      expect(text).toMatch(
        /kurultai_command_duration_seconds_count\{command="RegisterInstitution",outcome="[^"]+"\} 1/,
      );
      expect(text).toMatch(/kurultai_appended_events_total\{stream_category="institution"\} 1/);
      expect(text).toMatch(/kurultai_projection_lag_events\{projection="plan-implementation"\} \d+/);
      expect(text).toMatch(/kurultai_projection_lag_seconds\{projection="calendar"\} /);
      expect(text).toMatch(/kurultai_process_manager_position\{process_manager="[^"]+"\} \d+/);
    } finally {
      await engine.close({ keepData: true });
    }
  });

  it('is not ready when the read models are further behind than KURULTAI_READY_MAX_LAG', async () => {
    const engine = await startEngine({ KURULTAI_READY_MAX_LAG: '0' }, dataDir);
    try {
      expect((await engine.get('/health/ready')).status).toBe(200);
      expect((await engine.get('/health/ready')).body).toMatchObject({ status: 'ready' });
    } finally {
      await engine.close({ keepData: true });
    }
  });

  const built = existsSync(join(ROOT, 'dist', 'apps', 'api', 'src', 'serve.js'));
  (built ? it : it.skip)(
    'on SIGTERM refuses new commands with 503, finishes those in flight, keeps every acknowledged one and exits 0',
    async () => {
      const engine = spawnEngine({ KURULTAI_DATA_DIR: dataDir, KURULTAI_LOG_LEVEL: 'log' }, await freePort());
      await waitUntilLive(engine);
      const acknowledged: string[] = [];
      const statuses: number[] = [];
      const send = async (n: number) => {
        try {
          const response = await engine.fetch('/api/commands/RegisterInstitution', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'idempotency-key': `burst-${n}` },
            body: JSON.stringify(institution(n)),
          });
          statuses.push(response.status);
          const body = (await response.json()) as { stream?: string; type?: string };
          if (response.status === 200) acknowledged.push(body.stream!);
          else if (response.status === 503) expect(body.type).toMatch(/shutting-down|store-busy/);
        } catch {
          statuses.push(0); // the connection was closed: not acknowledged
        }
      };
      const burst: Promise<void>[] = [];
      for (let n = 0; n < 300; n++) {
        burst.push(send(n));
        if (n === 150) engine.child.kill('SIGTERM');
        if (n % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      await Promise.all(burst);
      expect(await engine.exited()).toBe(0);
      expect(acknowledged.length).toBeGreaterThan(0);

      const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
      const streams = new Set(
        (db.prepare('SELECT stream FROM events').all() as { stream: string }[]).map((row) => row.stream),
      );
      db.close();
      for (const stream of acknowledged) expect(streams.has(stream)).toBe(true);
      const lines = engine
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'));
      expect(lines.some((line) => JSON.parse(line).msg?.includes('SIGTERM: shutting down'))).toBe(true);
    },
  );

  (existsSync(CLI) ? it : it.skip)('runs the built kurultai command line', () => {
    const help = execFileSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' });
    expect(help).toMatch(/export <file>/);
    expect(help).toMatch(/import-scenario/);
    let code = 0;
    try {
      execFileSync(process.execPath, [CLI, '--data-dir', dataDir, 'stats'], { stdio: 'pipe' });
    } catch (error) {
      code = (error as { status: number }).status;
    }
    expect(code).toBe(4);
  });
});
