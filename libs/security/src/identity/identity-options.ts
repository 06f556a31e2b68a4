/** How callers are identified (from the engine's configuration; see docs/security.md). */
export interface IdentityOptions {
  /** Expected `iss` of every token. */
  readonly issuer: string;
  /** Expected `aud` of every token. */
  readonly audience: string;
  /** Tolerance for `exp` and `nbf`, in seconds. */
  readonly clockSkewSeconds: number;
  /** The identity provider's JWKS endpoint; when set (or `jwksFile`), the local key is not trusted. */
  readonly jwksUrl?: string;
  /** A JWKS document on disk, instead of a URL. */
  readonly jwksFile?: string;
  /** The local Ed25519 signing key (PEM), created on first start when no JWKS is configured. */
  readonly localKeyFile: string;
  /** The claim holding the role (a string, or an array with exactly one known role). */
  readonly roleClaim: string;
  /** The claim holding a focal point's state code. */
  readonly stateClaim: string;
  /** The SQLite file of the API keys. */
  readonly apiKeysFile: string;
}

export const DEFAULT_ISSUER = 'kurultai.local';
export const DEFAULT_AUDIENCE = 'kurultai';
export const DEFAULT_ROLE_CLAIM = 'kurultai_role';
export const DEFAULT_STATE_CLAIM = 'kurultai_state';
export const DEFAULT_CLOCK_SKEW_SECONDS = 30;

/** The algorithms a token may be signed with; anything else (none, HS*) is refused. */
export const ACCEPTED_ALGORITHMS = ['RS256', 'ES256', 'EdDSA'] as const;

export const IDENTITY_OPTIONS = Symbol.for('kurultai.IdentityOptions');
