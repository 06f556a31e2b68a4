import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateLocalKey, readLocalKey } from './local-key.js';

describe('the local signing key', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kurultai-local-key-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('given no key file, when it is first needed, then an Ed25519 key is created readable by its owner only', async () => {
    const file = join(dir, 'nested', 'identity-key.pem');
    const key = await loadOrCreateLocalKey(file);
    expect(key.privateKey.asymmetricKeyType).toBe('ed25519');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(key.publicJwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', kid: key.kid });
    expect(key.publicJwk).not.toHaveProperty('d');
  });

  it('given a key file, when it is needed again, then the same key is used', async () => {
    const file = join(dir, 'identity-key.pem');
    const first = await loadOrCreateLocalKey(file);
    const again = await loadOrCreateLocalKey(file);
    expect(again.kid).toBe(first.kid);
  });

  it('refuses a key file that is not an Ed25519 private key', async () => {
    const file = join(dir, 'rsa.pem');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }));
    await expect(readLocalKey(file)).rejects.toThrow(/not an Ed25519 private key/);
  });
});
