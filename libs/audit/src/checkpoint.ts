import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomUUID,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { NewEvent } from '#event-store';

/** The stream of the log that holds the signed checkpoints, and their event type. */
export const CHECKPOINT_STREAM = 'audit-checkpoints';
export const CHECKPOINT_EVENT = 'CheckpointSigned';

/** What a checkpoint states: the log `origin` had `size` events, whose Merkle root was `rootHash`. */
export interface Checkpoint {
  readonly origin: string;
  readonly size: number;
  /** MTH of the first `size` events (RFC 9162), base64. */
  readonly rootHash: string;
  /** When it was signed (ISO 8601). */
  readonly time: string;
}

/** A checkpoint with its Ed25519 signature, as stored in a `CheckpointSigned` event. */
export interface SignedCheckpoint extends Checkpoint {
  /** The signer's key name (the origin) and key id: 4 bytes of SHA-256(name, 0x0A, 0x01, public key), hex. */
  readonly keyName: string;
  readonly keyId: string;
  /** Ed25519 signature of `checkpointBody`, base64. */
  readonly signature: string;
}

/** An audit key pair and its signed-note key id. */
export interface AuditKey {
  readonly name: string;
  readonly keyId: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

/** The event that keeps a signed checkpoint in the log (stream `CHECKPOINT_STREAM`). */
export function checkpointEvent(checkpoint: SignedCheckpoint): NewEvent {
  const id = randomUUID();
  return {
    id,
    type: CHECKPOINT_EVENT,
    schemaVersion: 1,
    data: { ...checkpoint },
    metadata: {
      actor: { id: 'audit', role: 'system' },
      commandId: id,
      correlationId: id,
      causationId: null,
      occurredAt: checkpoint.time,
      recordedAt: checkpoint.time,
      visibility: 'public',
    },
  };
}

/** The signed text: the checkpoint body of a C2SP signed note (origin, size, root, then the time). */
export function checkpointBody(checkpoint: Checkpoint): string {
  return `${checkpoint.origin}\n${checkpoint.size}\n${checkpoint.rootHash}\ntime ${checkpoint.time}\n`;
}

/** The key id of a public key, as in C2SP signed notes for Ed25519 (hex of 4 bytes). */
export function keyIdOf(name: string, publicKey: KeyObject): string {
  return createHash('sha256')
    .update(name, 'utf8')
    .update(Buffer.from([0x0a, 0x01]))
    .update(rawPublicKey(publicKey))
    .digest()
    .subarray(0, 4)
    .toString('hex');
}

function rawPublicKey(publicKey: KeyObject): Buffer {
  const jwk = publicKey.export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new Error('not an Ed25519 public key');
  return Buffer.from(jwk.x, 'base64url');
}

export function signCheckpoint(checkpoint: Checkpoint, key: AuditKey): SignedCheckpoint {
  const signature = sign(null, Buffer.from(checkpointBody(checkpoint), 'utf8'), key.privateKey);
  return { ...checkpoint, keyName: key.name, keyId: key.keyId, signature: signature.toString('base64') };
}

/** `ok`, or why the signature does not hold against the trusted public keys. */
export function checkSignature(
  checkpoint: SignedCheckpoint,
  keys: ReadonlyMap<string, KeyObject>,
): 'ok' | 'unknown-key' | 'bad-signature' {
  const publicKey = keys.get(checkpoint.keyId);
  if (!publicKey || keyIdOf(checkpoint.keyName, publicKey) !== checkpoint.keyId) return 'unknown-key';
  let signature: Buffer;
  try {
    signature = Buffer.from(checkpoint.signature, 'base64');
  } catch {
    return 'bad-signature';
  }
  if (signature.length !== 64) return 'bad-signature';
  return verify(null, Buffer.from(checkpointBody(checkpoint), 'utf8'), publicKey, signature)
    ? 'ok'
    : 'bad-signature';
}

/** The checkpoint as a signed note a third party can keep (C2SP signed-note layout). */
export function formatNote(checkpoint: SignedCheckpoint): string {
  const signature = Buffer.concat([
    Buffer.from(checkpoint.keyId, 'hex'),
    Buffer.from(checkpoint.signature, 'base64'),
  ]).toString('base64');
  return `${checkpointBody(checkpoint)}\n\u2014 ${checkpoint.keyName} ${signature}\n`;
}

/** Reads a note written by `formatNote`; throws when it is not one. */
export function parseNote(text: string): SignedCheckpoint {
  const match =
    /^([^\n]+)\n(\d+)\n([A-Za-z0-9+/=]+)\ntime ([^\n]+)\n\n\u2014 (\S+) ([A-Za-z0-9+/=]+)\n$/.exec(text);
  if (!match) throw new Error('not a Kurultai checkpoint note');
  const [, origin, size, rootHash, time, keyName, signed] = match;
  const bytes = Buffer.from(signed, 'base64');
  if (bytes.length !== 68) throw new Error('the signature line of the note is not an Ed25519 signature');
  return {
    origin,
    size: Number(size),
    rootHash,
    time,
    keyName,
    keyId: bytes.subarray(0, 4).toString('hex'),
    signature: bytes.subarray(4).toString('base64'),
  };
}

/** The public key file written beside a private key file: `audit-key.pem` → `audit-key.pub.pem`. */
export function publicKeyFileOf(privateKeyFile: string): string {
  const name = basename(privateKeyFile).replace(/\.pem$/, '');
  return join(dirname(privateKeyFile), `${name}.pub.pem`);
}

/**
 * Loads the Ed25519 key pair from `file` (PKCS#8 PEM), generating it, with its public key beside
 * it, when the file does not exist.
 */
export function loadOrCreateKey(file: string, name: string): AuditKey {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    writeFileSync(publicKeyFileOf(file), publicKey.export({ type: 'spki', format: 'pem' }));
  }
  const privateKey = createPrivateKey(readFileSync(file));
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${file} does not hold an Ed25519 key`);
  const publicKey = createPublicKey(privateKey);
  const publicFile = publicKeyFileOf(file);
  if (!existsSync(publicFile)) writeFileSync(publicFile, publicKey.export({ type: 'spki', format: 'pem' }));
  return { name, keyId: keyIdOf(name, publicKey), privateKey, publicKey };
}

/** Trusted public keys by key id, from PEM texts (the current key and every retired one). */
export function keyRing(name: string, pems: readonly (string | KeyObject)[]): Map<string, KeyObject> {
  const ring = new Map<string, KeyObject>();
  for (const pem of pems) {
    const key = typeof pem === 'string' ? createPublicKey(pem) : pem;
    ring.set(keyIdOf(name, key), key);
  }
  return ring;
}

/** Every `*.pub.pem` file in a folder: the current public key and the retired ones kept beside it. */
export function publicKeysIn(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((file) => file.endsWith('.pub.pem'))
    .sort()
    .map((file) => readFileSync(join(folder, file), 'utf8'));
}
