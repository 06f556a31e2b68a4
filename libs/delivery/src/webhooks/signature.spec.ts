import { createHmac, timingSafeEqual } from 'node:crypto';
import { sign, signatureHeader, verifySignature } from './signature.js';

const SECRET = 'a-very-long-shared-secret-of-32-chars!!';

/** A receiver's check, written here independently of the engine (the same as docs/webhooks.md). */
function receiverVerify(
  secret: string,
  rawBody: string,
  headers: Record<string, string>,
  now: number,
): boolean {
  const timestamp = headers['kurultai-timestamp'];
  const signature = headers['kurultai-signature'];
  if (!/^\d+$/.test(timestamp ?? '') || !signature) return false;
  if (Math.abs(now - Number(timestamp)) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest();
  return signature
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.startsWith('v1='))
    .map((part) => Buffer.from(part.slice(3), 'hex'))
    .some((given) => given.length === expected.length && timingSafeEqual(given, expected));
}

describe('webhook signatures', () => {
  const body = JSON.stringify({ id: 'e1', type: 'PlanAdopted', data: { name: 'Türkistan' } });
  const now = 1_760_000_000;

  it('is the hex HMAC-SHA256 of "<timestamp>.<raw body>"', () => {
    const expected = createHmac('sha256', SECRET).update(`${now}.${body}`).digest('hex');
    expect(sign(SECRET, now, body)).toBe(expected);
    expect(signatureHeader(SECRET, now, body)).toBe(`v1=${expected}`);
  });

  it('verifies on the receiver side, and refuses another body, secret or a stale timestamp', () => {
    const headers = {
      'kurultai-timestamp': String(now),
      'kurultai-signature': signatureHeader(SECRET, now, body),
    };
    expect(receiverVerify(SECRET, body, headers, now + 10)).toBe(true);
    expect(
      verifySignature(SECRET, body, headers['kurultai-timestamp'], headers['kurultai-signature'], now + 10),
    ).toEqual({
      ok: true,
    });
    expect(receiverVerify(SECRET, body + ' ', headers, now)).toBe(false);
    expect(receiverVerify(SECRET.replace('a', 'b'), body, headers, now)).toBe(false);
    expect(receiverVerify(SECRET, body, headers, now + 301)).toBe(false);
    expect(verifySignature(SECRET, body + ' ', String(now), headers['kurultai-signature'], now)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    expect(verifySignature(SECRET, body, String(now), headers['kurultai-signature'], now + 301)).toEqual({
      ok: false,
      reason: 'stale',
    });
    expect(verifySignature(SECRET, body, 'yesterday', headers['kurultai-signature'], now)).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });

  it('accepts any of several v1 values (secret rotation) and ignores unknown versions', () => {
    const good = signatureHeader(SECRET, now, body);
    const header = `v0=deadbeef, v1=${'0'.repeat(64)}, ${good}`;
    expect(verifySignature(SECRET, body, String(now), header, now).ok).toBe(true);
    expect(verifySignature(SECRET, body, String(now), `v2=${good.slice(3)}`, now).ok).toBe(false);
  });
});
