import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importScenario } from '../../apps/api/src/scenario/import-scenario.js';
import { loadScenario } from '../../apps/api/src/scenario/scenario.js';
import { startEngine } from '../support/engine.js';
import { sha256 as sha, verifyInclusion } from '../support/rfc9162.js';

const FILE = join(__dirname, '..', '..', 'scenarios', 'ots-diaspora-2022-2025.json');
const ORIGIN = 'kurultai.test/events';

/** The engine as it runs, with its data in `dataDir`. */
async function start(dataDir: string) {
  const engine = await startEngine(
    { KURULTAI_AUDIT_ORIGIN: ORIGIN, KURULTAI_AUDIT_CHECKPOINT_EVERY: '100' },
    dataDir,
  );
  return { ...engine, post: (path: string) => engine.post(path, undefined) };
}

describe('the tamper-evident log over HTTP, on the OTS scenario', () => {
  let dir: string;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('proves the Tashkent adoption decision, verifies, then finds a tampered event after a restart', async () => {
    dir = mkdtempSync(join(tmpdir(), 'kurultai-audit-e2e-'));
    let engine = await start(dir);
    await importScenario(engine, await loadScenario(FILE));

    const made = await engine.post('/api/audit/checkpoints');
    expect(made.status).toBe(201);
    const { size, rootHash } = made.body.checkpoint;
    const periodic = (await engine.get('/api/audit/checkpoints')).body.items;
    expect(periodic.length).toBeGreaterThan(1);

    const note = (await engine.get('/api/audit/checkpoints/latest.txt')).body as string;
    expect(note.split('\n').slice(0, 3)).toEqual([ORIGIN, String(size), rootHash]);

    const store = engine.app.get(Symbol.for('kurultai.EventStore'));
    const meeting = await store.readStream('meeting-diaspora-ministerial-6');
    const adoption = meeting.find(
      (e: { type: string; data: { decisionId?: string } }) => e.data.decisionId === 'adopt-plan-2025',
    );
    expect(adoption).toBeDefined();
    const proof = (await engine.get(`/api/audit/proofs/inclusion?position=${adoption.position}&size=${size}`))
      .body;
    expect(proof.checkpoint).toMatchObject({ size, rootHash });
    const leaf = sha(Buffer.from([0]), Buffer.from(proof.eventHash, 'hex'));
    const path = proof.path.map((h: string) => Buffer.from(h, 'hex'));
    expect(path.length).toBeLessThanOrEqual(Math.ceil(Math.log2(size)));
    expect(verifyInclusion(adoption.position - 1, size, leaf, path, Buffer.from(rootHash, 'base64'))).toBe(
      true,
    );

    const consistency = await engine.get(`/api/audit/proofs/consistency?from=10&to=${size}`);
    expect(consistency.status).toBe(200);
    expect((await engine.get('/api/audit/proofs/inclusion?position=0&size=1')).status).toBe(400);

    expect((await engine.get('/api/audit/verify')).body).toMatchObject({ ok: true });
    await engine.app.close();

    const db = new Database(join(dir, 'events.sqlite'));
    db.prepare(`UPDATE events SET data = replace(data, '2025', '2026') WHERE position = ?`).run(
      adoption.position,
    );
    db.close();

    engine = await start(dir);
    expect((await engine.get('/api/audit/verify')).body).toMatchObject({
      ok: false,
      failure: { position: adoption.position, kind: 'edited-event' },
    });
    expect(readFileSync(join(dir, 'audit-key.pub.pem'), 'utf8')).toContain('BEGIN PUBLIC KEY');
    await engine.app.close();
  }, 90_000);
});
