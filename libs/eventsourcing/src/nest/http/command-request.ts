import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '#event-store';
import { problemType, ProblemException } from './problem.js';

/** What the HTTP request says about a command besides its body. */
export interface CommandRequest {
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly actor: Actor;
  /** From `If-Match`: the stream revision the client saw. */
  readonly expectedRevision?: number;
  /** Fingerprint of the command type and body, to recognise a replay of an Idempotency-Key. */
  readonly commandHash: string;
}

const ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Reads `Idempotency-Key`, `If-Match`, `X-Correlation-Id` and the caller's identity. */
export const CommandRequestContext = createParamDecorator((_: unknown, ctx: ExecutionContext) => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest & { actor?: Actor }>();
  const actor = identifiedCaller(request, ctx.switchToHttp().getResponse<FastifyReply>());
  const commandId = header(request, 'idempotency-key') ?? randomUUID();
  const correlationId = header(request, 'x-correlation-id') ?? commandId;
  const type = request.url.split('?')[0].split('/').pop() ?? '';
  return {
    commandId,
    correlationId,
    causationId: header(request, 'x-causation-id') ?? null,
    actor,
    expectedRevision: ifMatch(request),
    commandHash: createHash('sha256')
      .update(type)
      .update('\n')
      .update(JSON.stringify(request.body ?? null))
      .digest('hex'),
  } satisfies CommandRequest;
});

/**
 * The verified caller the security guard put on the request (see docs/security.md). A command
 * without one is refused with 401 rather than recorded under some default identity.
 */
function identifiedCaller(request: { actor?: Actor }, reply: FastifyReply): Actor {
  const actor = request.actor;
  if (actor && actor.role !== 'anonymous') return actor;
  void reply.header('www-authenticate', 'Bearer realm="kurultai"');
  throw ProblemException.of(
    401,
    'unauthenticated',
    'Authentication required',
    'commands are recorded only for an identified caller: send a bearer token or an API key',
  );
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  if (value === undefined) return undefined;
  const text = Array.isArray(value) ? value[0] : value;
  if (!ID.test(text)) {
    throw ProblemException.of(
      400,
      'invalid-header',
      `Invalid ${name} header`,
      `${name} must be 1-128 characters of A-Z a-z 0-9 . _ : -`,
      {
        errors: [{ field: name, message: 'invalid format' }],
      },
    );
  }
  return text;
}

function ifMatch(request: FastifyRequest): number | undefined {
  const value = request.headers['if-match'];
  if (value === undefined) return undefined;
  const match = /^\s*(?:W\/)?"?(-1|\d{1,15})"?\s*$/.exec(String(value));
  if (!match) {
    throw new ProblemException({
      type: problemType('invalid-header'),
      title: 'Invalid If-Match header',
      status: 400,
      detail: 'If-Match must be the stream revision the client saw, e.g. "3"',
      errors: [{ field: 'if-match', message: 'must be a revision number' }],
    });
  }
  return Number(match[1]);
}
