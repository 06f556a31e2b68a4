import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TokenVerifier } from '#security';
import { startEngine } from '../../../../test/support/engine.js';
import { draftPlan } from '../../../../test/support/tashkent.js';
import { run } from '../program.js';

/** `kurultai token issue` and `kurultai keys`, in-process over a real data folder. */
describe('kurultai token and keys', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kurultai-identity-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const cli = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await run(['--data-dir', dir, ...argv], {
      output: { out: (t) => void out.push(t), err: (t) => void err.push(t) },
      env: {},
    });
    return { code, out: out.join(''), err: err.join('') };
  };
  const verifier = () =>
    TokenVerifier.create({
      issuer: 'kurultai.local',
      audience: 'kurultai',
      clockSkewSeconds: 0,
      localKeyFile: join(dir, 'identity-key.pem'),
      roleClaim: 'kurultai_role',
      stateClaim: 'kurultai_state',
      apiKeysFile: join(dir, 'api-keys.sqlite'),
    });

  it('given no key yet, when a focal-point token is issued, then the key is created and the token names the focal point of its state', async () => {
    const issued = await cli(
      'token',
      'issue',
      '--role',
      'focal-point',
      '--state',
      'KZ',
      '--sub',
      'aigerim',
      '--ttl',
      '8h',
    );
    expect(issued.code).toBe(0);
    expect(issued.out).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    expect(await (await verifier()).verify(issued.out.trim())).toEqual({
      id: 'aigerim',
      role: 'focal-point',
      state: 'KZ',
    });
  });

  it('issues a Secretariat token recorded as local-operator by default', async () => {
    const issued = await cli('token', 'issue', '--role', 'secretariat');
    expect(await (await verifier()).verify(issued.out.trim())).toEqual({
      id: 'local-operator',
      role: 'secretariat',
      state: null,
    });
  });

  it.each([
    [['--role', 'focal-point'], /needs --state/],
    [['--role', 'auditor', '--state', 'KZ'], /for focal-point tokens only/],
    [['--role', 'focal-point', '--state', 'kz'], /two capital letters/],
    [['--role', 'secretariat', '--ttl', 'forever'], /not a lifetime/],
    [['--role', 'admin'], /Allowed choices are secretariat, focal-point, auditor, service/],
  ])('refuses %j with exit code 2 and says why', async (options, reason) => {
    const issued = await cli('token', 'issue', ...options);
    expect(issued.code).toBe(2);
    expect(issued.out).toBe('');
    expect(issued.err).toMatch(reason);
  });

  it('given a running engine on the data folder, a token of the command line records a command', async () => {
    const engine = await startEngine({}, dir);
    try {
      const token = (await cli('token', 'issue', '--role', 'secretariat', '--sub', 'cli-officer')).out.trim();
      const reply = await engine
        .as({ headers: { authorization: `Bearer ${token}` } })
        .post('/api/commands/DraftPlan', draftPlan);
      expect(reply.status).toBe(200);
    } finally {
      await engine.close({ keepData: true });
    }
  });

  it('creates, lists and revokes API keys, never printing a secret twice', async () => {
    const created = await cli('keys', 'create', '--name', 'foreign-ministry-portal');
    expect(created.code).toBe(0);
    const key = JSON.parse(created.out) as { id: string; key: string; name: string };
    expect(key).toMatchObject({ name: 'foreign-ministry-portal', key: expect.stringMatching(/^kak_/) });
    expect(created.err).toMatch(/cannot be shown again/);
    const listed = await cli('keys', 'list');
    expect(listed.out).not.toContain(key.key);
    expect(JSON.parse(listed.out)).toEqual([expect.objectContaining({ id: key.id, revokedAt: null })]);
    expect(JSON.parse((await cli('keys', 'revoke', key.id)).out)).toEqual({ id: key.id, revoked: true });
    const again = await cli('keys', 'revoke', key.id);
    expect(again).toMatchObject({ code: 4, err: expect.stringMatching(/no active API key/) });
  });
});
