import { readFileSync } from 'node:fs';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { LRUCache } from 'lru-cache';
import type { Actor } from '#event-store';
import { isUsableActorId, STATE_CODE, TOKEN_ROLES, type Role } from './actor.js';
import { AuthenticationError } from './authentication-error.js';
import { ACCEPTED_ALGORITHMS, type IdentityOptions } from './identity-options.js';
import { loadOrCreateLocalKey } from './local-key.js';

/** The identity provider could not be asked (its JWKS endpoint is down): 503, not the caller's fault. */
export class IdentityProviderUnavailable extends Error {
  constructor(cause: unknown) {
    super('the identity provider did not answer', { cause });
    this.name = 'IdentityProviderUnavailable';
  }
}

/** How many verified tokens are remembered, and for how long at most (a key the provider withdraws stops counting by then). */
export const VERIFIED_TOKENS_MAX = 10_000;
export const VERIFIED_TOKEN_TTL_MS = 60_000;

/** A token already verified: its actor, when (ms) it stops being accepted (`exp` plus the clock skew), when it is checked again. */
interface Verified {
  readonly actor: Actor;
  readonly expiresAt: number;
  readonly recheckAt: number;
}

/**
 * Verifies bearer JWTs (jose) against the configured JWKS, or the engine's local key, and maps claims to an actor.
 * A token that passed is remembered by its exact text (a bounded LRU, at most a minute, never beyond its `exp`),
 * so a client sending the same token on every request pays for the signature check once.
 */
export class TokenVerifier {
  private readonly verified = new LRUCache<string, Verified>({ max: VERIFIED_TOKENS_MAX });

  private constructor(
    private readonly keys: JWTVerifyGetKey,
    private readonly options: IdentityOptions,
    private readonly now: () => number,
  ) {}

  /** `now` (ms since the epoch) decides when a remembered token has expired; jose itself reads the system clock. */
  static async create(options: IdentityOptions, now: () => number = Date.now): Promise<TokenVerifier> {
    return new TokenVerifier(await keySetOf(options), options, now);
  }

  async verify(token: string): Promise<Actor> {
    const known = this.verified.get(token);
    if (known) {
      const now = this.now();
      if (now >= known.expiresAt) {
        this.verified.delete(token);
        throw new AuthenticationError('the token has expired');
      }
      if (now < known.recheckAt) return known.actor;
      this.verified.delete(token);
    }
    return this.verifySignedToken(token);
  }

  private async verifySignedToken(token: string): Promise<Actor> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: [...ACCEPTED_ALGORITHMS],
        clockTolerance: this.options.clockSkewSeconds,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (error) {
      throw refusal(error, this.options.jwksUrl !== undefined);
    }
    const actor = Object.freeze(this.actorOf(payload));
    // `exp` is a required claim: jose refused the token without it.
    const expiresAt = (payload.exp! + this.options.clockSkewSeconds) * 1000;
    this.verified.set(token, { actor, expiresAt, recheckAt: this.now() + VERIFIED_TOKEN_TTL_MS });
    return actor;
  }

  private actorOf(payload: JWTPayload): Actor {
    const sub = payload.sub;
    if (!isUsableActorId(sub))
      throw new AuthenticationError('the token subject (sub) is not a usable identifier');
    const role = roleOf(payload[this.options.roleClaim], this.options.roleClaim);
    if (role !== 'focal-point') return { id: sub, role, state: null };
    const state = payload[this.options.stateClaim];
    if (typeof state !== 'string' || !STATE_CODE.test(state))
      throw new AuthenticationError(
        `a focal-point token must name its state in the ${this.options.stateClaim} claim (two capital letters)`,
      );
    return { id: sub, role, state };
  }
}

function roleOf(claim: unknown, name: string): Exclude<Role, 'anonymous'> {
  const values = Array.isArray(claim) ? claim : [claim];
  const known = [...new Set(values.filter((v): v is Role => TOKEN_ROLES.includes(v as Role)))];
  if (known.length !== 1)
    throw new AuthenticationError(`the ${name} claim must name exactly one of ${TOKEN_ROLES.join(', ')}`);
  return known[0] as Exclude<Role, 'anonymous'>;
}

async function keySetOf(options: IdentityOptions): Promise<JWTVerifyGetKey> {
  if (options.jwksUrl)
    return createRemoteJWKSet(new URL(options.jwksUrl), { timeoutDuration: 5000, cooldownDuration: 30_000 });
  if (options.jwksFile)
    return createLocalJWKSet(JSON.parse(readFileSync(options.jwksFile, 'utf8')) as JSONWebKeySet);
  const key = await loadOrCreateLocalKey(options.localKeyFile);
  return createLocalJWKSet({ keys: [key.publicJwk] });
}

/** Why jose refused a token, in words a client can act on. */
function refusal(error: unknown, remote: boolean): Error {
  if (error instanceof errors.JWTExpired) return new AuthenticationError('the token has expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    const reasons: Record<string, string> = {
      iss: 'the token was issued by an issuer this engine does not trust',
      aud: 'the token is meant for another audience',
      nbf: 'the token is not valid yet',
      iat: 'the token was issued in the future',
    };
    return new AuthenticationError(reasons[error.claim] ?? `the token's ${error.claim} claim is refused`);
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported)
    return new AuthenticationError(`the token must be signed with ${ACCEPTED_ALGORITHMS.join(', ')}`);
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWSSignatureVerificationFailed)
    return new AuthenticationError('the token signature does not match any trusted key');
  if (error instanceof errors.JWKSTimeout) return new IdentityProviderUnavailable(error);
  // Only fetching a remote key set fails other than with a JOSE error.
  if (remote && !(error instanceof errors.JOSEError)) return new IdentityProviderUnavailable(error);
  return new AuthenticationError('the token is malformed');
}
