import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importScenario } from '../../apps/api/src/scenario/import-scenario.js';
import { loadScenario } from '../../apps/api/src/scenario/scenario.js';
import { startEngine } from '../support/engine.js';

const FILE = join(__dirname, '..', '..', 'scenarios', 'ots-diaspora-2022-2025.json');
const ORIGIN = 'kurultai.test/events';

// RFC 9162 §2.1.3.2, written here independently of libs/audit.
const sha = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
function verifyInclusion(index: number, size: number, leaf: Buffer, path: Buffer[], root: Buffer): boolean {
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = sha(Buffer.from([1]), p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      r = sha(Buffer.from([1]), r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 && r.equals(root);
}

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
    await importScenario(engine.url, await loadScenario(FILE));

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
