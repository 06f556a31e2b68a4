import { createHmac, timingSafeEqual } from 'node:crypto';

/** Version tag of the signature scheme in `Kurultai-Signature: v1=<hex>`. */
export const SIGNATURE_VERSION = 'v1';
/** A receiver should refuse deliveries whose timestamp is further than this from its clock. */
export const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

/** Hex HMAC-SHA256 of `<timestamp>.<raw body>` with the subscription's secret. */
export function sign(secret: string, timestamp: number, rawBody: string | Buffer): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

/** The value of the `Kurultai-Signature` header. */
export function signatureHeader(secret: string, timestamp: number, rawBody: string | Buffer): string {
  return `${SIGNATURE_VERSION}=${sign(secret, timestamp, rawBody)}`;
}

export type VerifyResult =
  { readonly ok: true } | { readonly ok: false; readonly reason: 'malformed' | 'bad-signature' | 'stale' };

/**
 * What a receiver does with a delivery (docs/webhooks.md shows the same function): checks the
 * timestamp is within `toleranceSeconds` of its clock (replays are refused) and compares the
 * HMAC in constant time. `signature` may hold several comma-separated `v1=` values (secret rotation).
 */
export function verifySignature(
  secret: string,
  rawBody: string | Buffer,
  timestampHeader: string | undefined,
  signatureHeaderValue: string | undefined,
  nowSeconds: number = Math.floor(Date.now() / 1000),
  toleranceSeconds: number = DEFAULT_TOLERANCE_SECONDS,
): VerifyResult {
  if (!timestampHeader || !/^\d{1,15}$/.test(timestampHeader) || !signatureHeaderValue) {
    return { ok: false, reason: 'malformed' };
  }
  const timestamp = Number(timestampHeader);
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(sign(secret, timestamp, rawBody), 'hex');
  for (const part of signatureHeaderValue.split(',')) {
    const [version, hex] = part.trim().split('=', 2);
    if (version !== SIGNATURE_VERSION || !hex || !/^[0-9a-f]{64}$/i.test(hex)) continue;
    if (timingSafeEqual(Buffer.from(hex, 'hex'), expected)) return { ok: true };
  }
  return { ok: false, reason: 'bad-signature' };
}
