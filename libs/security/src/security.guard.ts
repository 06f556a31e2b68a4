import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemException } from '#eventsourcing';
import type { IdentifiedRequest } from './identity/actor.js';
import { AuthenticationError } from './identity/authentication-error.js';
import { Authenticator } from './identity/authenticator.js';
import { IdentityProviderUnavailable } from './identity/token-verifier.js';
import { AccessDenied, Authorizer } from './rights/authorizer.js';

/**
 * The one place where identity and rights are decided, for every HTTP route: verifies the
 * credentials, puts the caller on `request.actor`, then applies the rights table. Runs before
 * validation, so a refused caller learns nothing about its input.
 */
@Injectable()
export class SecurityGuard implements CanActivate {
  constructor(
    private readonly authenticator: Authenticator,
    private readonly authorizer: Authorizer,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & IdentifiedRequest>();
    const reply = http.getResponse<FastifyReply>();
    try {
      const actor = await this.authenticator.authenticate(request.headers);
      request.actor = actor;
      await this.authorizer.authorize(actor, {
        method: request.method,
        route: request.routeOptions.url ?? request.url.split('?')[0],
        body: request.body,
      });
      return true;
    } catch (error) {
      throw problemOf(error, reply);
    }
  }
}

/** The `WWW-Authenticate` challenge of RFC 6750. */
export function challenge(reply: FastifyReply, error?: AuthenticationError): void {
  const detail = error
    ? `, error="${error.code}", error_description="${error.reason.replace(/"/g, "'")}"`
    : '';
  void reply.header('www-authenticate', `Bearer realm="kurultai"${detail}`);
}

function problemOf(error: unknown, reply: FastifyReply): unknown {
  if (error instanceof AuthenticationError) {
    challenge(reply, error);
    return ProblemException.of(401, 'unauthenticated', 'Invalid credentials', error.reason);
  }
  if (error instanceof AccessDenied && error.status === 401) {
    challenge(reply);
    return ProblemException.of(401, 'unauthenticated', 'Authentication required', error.reason);
  }
  if (error instanceof AccessDenied)
    return ProblemException.of(403, 'forbidden', 'Not allowed', error.reason);
  if (error instanceof IdentityProviderUnavailable)
    return ProblemException.of(
      503,
      'identity-provider-unavailable',
      'Identity provider unavailable',
      'the keys of the identity provider could not be fetched; try again shortly',
    );
  return error;
}
