import type { Actor } from '#event-store';
import { ANONYMOUS } from './actor.js';
import type { ApiKeyStore } from './api-keys.js';
import { AuthenticationError } from './authentication-error.js';
import type { TokenVerifier } from './token-verifier.js';

type Headers = Readonly<Record<string, string | string[] | undefined>>;

const BEARER = /^Bearer +([A-Za-z0-9\-_.~+/]+=*) *$/i;
/** Longer credentials are refused unread (a JWT of the Secretariat's provider is a few kB at most). */
const MAX_CREDENTIAL_LENGTH = 16 * 1024;

/** Who is calling: a bearer JWT, an API key (`X-Api-Key`), or nobody (anonymous). */
export class Authenticator {
  constructor(
    private readonly tokens: TokenVerifier,
    private readonly apiKeys: ApiKeyStore,
  ) {}

  async authenticate(headers: Headers): Promise<Actor> {
    const authorization = single(headers, 'authorization');
    const apiKey = single(headers, 'x-api-key');
    if (authorization === undefined && apiKey === undefined) return ANONYMOUS;
    if (authorization !== undefined && apiKey !== undefined)
      throw new AuthenticationError('send either a bearer token or an API key, not both', 'invalid_request');
    if (apiKey !== undefined) return this.apiKeys.verify(apiKey.trim());
    const match = BEARER.exec(authorization!);
    if (!match)
      throw new AuthenticationError('the Authorization header must be "Bearer <token>"', 'invalid_request');
    return this.tokens.verify(match[1]);
  }
}

function single(headers: Headers, name: string): string | undefined {
  const value = headers[name];
  if (value === undefined) return undefined;
  if (Array.isArray(value)) throw new AuthenticationError(`send one ${name} header`, 'invalid_request');
  if (value.length > MAX_CREDENTIAL_LENGTH)
    throw new AuthenticationError(`the ${name} header is too long`, 'invalid_request');
  return value;
}
