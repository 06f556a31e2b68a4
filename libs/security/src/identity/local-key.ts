import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { calculateJwkThumbprint, exportJWK, type JWK } from 'jose';

/** The engine's own token-signing key (Ed25519), used when no identity provider is configured. */
export interface LocalIdentityKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** RFC 7638 thumbprint of the public key, sent as `kid`. */
  readonly kid: string;
  readonly publicJwk: JWK;
}

/** The file name of the local key in the data folder (see docs/security.md). */
export const LOCAL_KEY_FILE = 'identity-key.pem';

/** Reads the local signing key (PKCS#8 PEM), creating it (mode 0600) on first use. */
export async function loadOrCreateLocalKey(file: string): Promise<LocalIdentityKey> {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    try {
      writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process created it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return readLocalKey(file);
}

/** Reads an existing local signing key; throws when the file is missing or not an Ed25519 key. */
export async function readLocalKey(file: string): Promise<LocalIdentityKey> {
  const privateKey = createPrivateKey(readFileSync(file));
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${file} is not an Ed25519 private key`);
  const publicKey = createPublicKey(privateKey);
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  return { privateKey, publicKey, kid, publicJwk: { ...publicJwk, kid, alg: 'EdDSA', use: 'sig' } };
}
