import { SignJWT } from 'jose';
import type { Role } from './actor.js';
import {
  DEFAULT_AUDIENCE,
  DEFAULT_ISSUER,
  DEFAULT_ROLE_CLAIM,
  DEFAULT_STATE_CLAIM,
} from './identity-options.js';
import type { LocalIdentityKey } from './local-key.js';

/** Who a locally issued token speaks for. */
export interface TokenRequest {
  readonly role: Exclude<Role, 'anonymous'>;
  /** Required for a focal point: the state it acts for. */
  readonly state?: string | null;
  /** The subject (`sub`), recorded as the actor id. */
  readonly sub: string;
  /** Lifetime in seconds (default one hour). */
  readonly ttlSeconds?: number;
  readonly issuer?: string;
  readonly audience?: string;
  readonly roleClaim?: string;
  readonly stateClaim?: string;
  /** The issuing time (default now); tests pass another to mint expired or not-yet-valid tokens. */
  readonly now?: Date;
  /** `nbf` in seconds from `now` (default: none). */
  readonly notBeforeSeconds?: number;
}

/** Signs a token with the engine's local key (EdDSA), as `kurultai token issue` does. */
export async function issueLocalToken(key: LocalIdentityKey, request: TokenRequest): Promise<string> {
  const now = Math.floor((request.now ?? new Date()).getTime() / 1000);
  const claims: Record<string, unknown> = { [request.roleClaim ?? DEFAULT_ROLE_CLAIM]: request.role };
  if (request.state) claims[request.stateClaim ?? DEFAULT_STATE_CLAIM] = request.state;
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid: key.kid })
    .setSubject(request.sub)
    .setIssuer(request.issuer ?? DEFAULT_ISSUER)
    .setAudience(request.audience ?? DEFAULT_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + (request.ttlSeconds ?? 3600));
  if (request.notBeforeSeconds !== undefined) jwt.setNotBefore(now + request.notBeforeSeconds);
  return jwt.sign(key.privateKey);
}

/** Parses a lifetime such as `90s`, `15m`, `1h`, `7d` (or plain seconds) into seconds. */
export function parseTtl(text: string): number {
  const match = /^(\d{1,9})([smhd]?)$/.exec(text.trim());
  if (!match) throw new Error(`"${text}" is not a lifetime such as 90s, 15m, 1h or 7d`);
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2] as '' | 's' | 'm' | 'h' | 'd'];
  const seconds = Number(match[1]) * unit;
  if (seconds < 1) throw new Error('the lifetime must be at least one second');
  return seconds;
}
