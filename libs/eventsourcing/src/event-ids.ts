import { createHash } from 'node:crypto';

/** Namespace of Kurultai's name-based event ids (a fixed random UUID). */
const NAMESPACE = Buffer.from('6f1c2b8e4d7a4f0e9b3c5a1d2e8f7c60', 'hex');

/**
 * The id of the n-th event a command writes: a name-based UUID (RFC 9562 version 5) of the
 * command id, so a retried command re-appends the same ids and the store recognises it.
 */
export function eventIdFor(commandId: string, index: number): string {
  const hash = createHash('sha1').update(NAMESPACE).update(`${commandId}#${index}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
