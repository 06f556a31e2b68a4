/** Credentials were sent but do not prove an identity (answered 401, never 500). */
export class AuthenticationError extends Error {
  constructor(
    /** Why, for the problem details and `WWW-Authenticate` (no secret in it). */
    readonly reason: string,
    /** RFC 6750 error code: `invalid_token` for bad bearer tokens, `invalid_request` otherwise. */
    readonly code: 'invalid_token' | 'invalid_request' = 'invalid_token',
  ) {
    super(reason);
    this.name = 'AuthenticationError';
  }
}
