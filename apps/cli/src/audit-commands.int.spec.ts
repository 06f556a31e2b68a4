import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { activities, draftPlan } from '../../../test/support/tashkent.js';
import { startEngine } from '../../../test/support/engine.js';
import { run } from './program.js';
import { eventsPath, EXIT } from './support.js';
import { sha256 as sha, verifyInclusion } from '../../../test/support/rfc9162.js';

const ORIGIN = 'kurultai.cli-test/events';

/** `kurultai audit …` in-process, over a data folder the real engine wrote. */
describe('kurultai audit', () => {
  let root: string;
  let dataDir: string;
  let note: string;
  let signedSize: number;
  const env = { KURULTAI_AUDIT_ORIGIN: ORIGIN };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'kurultai-cli-audit-'));
    dataDir = join(root, 'data');
    const engine = await startEngine(env, dataDir);
    try {
      expect((await engine.post('/api/commands/DraftPlan', draftPlan)).status).toBe(200);
      for (const activity of activities.slice(0, 3))
        expect((await engine.post('/api/commands/AddActivityToPlan', activity)).status).toBe(200);
      const made = await engine.post('/api/audit/checkpoints', undefined);
      expect(made.status).toBe(201);
      signedSize = made.body.checkpoint.size;
      note = (await engine.get('/api/audit/checkpoints/latest.txt')).body as string;
      // One more event after the checkpoint, which only the chain protects.
      expect((await engine.post('/api/commands/AddActivityToPlan', activities[3])).status).toBe(200);
    } finally {
      await engine.close({ keepData: true });
    }
    writeFileSync(join(root, 'latest.txt'), note);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const kurultai = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await run(['--data-dir', dataDir, 'audit', ...args], {
      output: { out: (t) => void out.push(t), err: (t) => void err.push(t) },
      progress: false,
      env,
    });
    return { code, out: out.join(''), err: err.join('') };
  };
  const publicKey = () => join(dataDir, 'audit-key.pub.pem');

  it('verifies the intact log with the keys beside the audit key, and against a kept checkpoint', async () => {
    let result = await kurultai('verify');
    expect(result).toMatchObject({ code: 0, err: '' });
    const report = JSON.parse(result.out);
    expect(report).toEqual({ ok: true, events: signedSize + 2, checkpoints: 1, signedSize });

    result = await kurultai('verify', '--public-key', publicKey(), '--checkpoint', join(root, 'latest.txt'));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({ ok: true, signedSize });
  });

  it('exports the log and verifies the export offline with the public key', async () => {
    const file = join(root, 'audit.ndjson');
    let result = await kurultai('export', file);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toEqual({ file, events: signedSize + 2 });

    result = await kurultai(
      'verify-export',
      file,
      '--public-key',
      publicKey(),
      '--checkpoint',
      join(root, 'latest.txt'),
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toEqual({
      ok: true,
      events: signedSize + 2,
      checkpoints: 1,
      signedSize,
    });

    // The public key is mandatory for the offline verifier.
    expect((await kurultai('verify-export', file)).code).toBe(EXIT.usage);
  });

  it('gives an inclusion proof that an independent RFC 9162 check accepts, and a consistency proof', async () => {
    let result = await kurultai('proof', 'inclusion', '--position', '2', '--size', String(signedSize));
    expect(result.code).toBe(0);
    const proof = JSON.parse(result.out);
    expect(proof).toMatchObject({ position: 2, leafIndex: 1, treeSize: signedSize });
    const rootHash = Buffer.from(note.split('\n')[2], 'base64');
    expect(proof.rootHash).toBe(rootHash.toString('hex'));
    expect(proof.checkpoint).toMatchObject({ origin: ORIGIN, size: signedSize });
    const leaf = sha(Buffer.from([0]), Buffer.from(proof.eventHash, 'hex'));
    expect(leaf.toString('hex')).toBe(proof.leafHash);
    const path = proof.path.map((h: string) => Buffer.from(h, 'hex'));
    expect(verifyInclusion(1, signedSize, leaf, path, rootHash)).toBe(true);
    expect(verifyInclusion(0, signedSize, leaf, path, rootHash)).toBe(false);

    result = await kurultai('proof', 'consistency', '--from', '2', '--to', String(signedSize + 2));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({
      from: 2,
      to: signedSize + 2,
      toRoot: expect.stringMatching(/^[0-9a-f]{64}$/),
      proof: expect.any(Array),
    });

    result = await kurultai('proof', 'inclusion', '--position', String(signedSize + 3));
    expect(result.code).toBe(EXIT.usage);
    expect(result.err).toMatch(/--position must be between 1 and/);
  });

  it('exits non-zero naming the position when an event was edited in events.sqlite', async () => {
    const db = new Database(eventsPath(dataDir));
    db.prepare("UPDATE events SET data = json_set(data, '$.title', 'forged') WHERE position = 2").run();
    db.close();

    let result = await kurultai('verify');
    expect(result.code).toBe(EXIT.tampered);
    expect(JSON.parse(result.out)).toMatchObject({
      ok: false,
      events: 1,
      failure: { position: 2, kind: 'edited-event' },
    });
    expect(result.err).toMatch(/^kurultai: the log was tampered with at position 2 \(edited-event\)/);

    const file = join(root, 'tampered.ndjson');
    expect((await kurultai('export', file)).code).toBe(0);
    result = await kurultai('verify-export', file, '--public-key', publicKey());
    expect(result.code).toBe(EXIT.tampered);
    expect(JSON.parse(result.out)).toMatchObject({ failure: { position: 2, kind: 'edited-event' } });
  });

  it('answers a data folder without a log with exit 4', async () => {
    const result = await run(['--data-dir', join(root, 'none'), 'audit', 'verify'], {
      output: { out: () => undefined, err: () => undefined },
    });
    expect(result).toBe(EXIT.notFound);
  });
});
