import { HttpException } from '@nestjs/common';
import {
  DuplicateEventIdError,
  InvalidArgumentError,
  isTransientStoreError,
  StoreBusyError,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '#event-store';
import { EntityNotFound, RuleViolation, StateConflict } from '../../decider.js';
import { IdempotencyConflict } from '../../errors.js';
import { problemType, ProblemException, type ProblemDetails } from './problem.js';

interface FastifyLikeError {
  readonly code?: string;
  readonly statusCode?: number;
  readonly message?: string;
}

const FASTIFY_ERRORS: Record<string, [number, string, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalid-json', 'The request body is not valid JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'invalid-json', 'The request body is empty'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'body-too-large', 'The request body is too large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [
    415,
    'unsupported-media-type',
    'The request body must be application/json',
  ],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [
    400,
    'invalid-content-length',
    'The Content-Length does not match the body',
  ],
  FST_ERR_BAD_URL: [400, 'invalid-url', 'The URL is not validly percent-encoded'],
  FST_ERR_MAX_PARAM_LENGTH: [414, 'uri-too-long', 'A path segment of the URL is too long'],
  FST_ERR_ASYNC_CONSTRAINT: [400, 'bad-request', 'The request could not be routed'],
};

/** Maps any error to problem details, once, for the whole API. Unknown errors become a bare 500. */
export function toProblem(error: unknown): ProblemDetails {
  if (error instanceof ProblemException) return error.problem;
  if (error instanceof StateConflict) return rule(409, 'rule-conflict', error);
  if (error instanceof EntityNotFound) return rule(404, 'not-found', error);
  if (error instanceof RuleViolation) return rule(422, 'rule-violation', error);
  if (error instanceof WrongExpectedVersionError) {
    return {
      type: problemType('concurrency-conflict'),
      title: 'The entity was changed by someone else',
      status: 409,
      detail: error.message,
      stream: error.stream,
      expectedRevision: error.expected,
      actualRevision: error.actual,
    };
  }
  if (error instanceof IdempotencyConflict || error instanceof DuplicateEventIdError) {
    return {
      type: problemType('idempotency-conflict'),
      title: 'This command id was already used for another request',
      status: 409,
      detail: error.message,
    };
  }
  if (error instanceof StreamNotFoundError) {
    return { type: problemType('not-found'), title: 'Not found', status: 404, detail: error.message };
  }
  if (error instanceof InvalidArgumentError) {
    return {
      type: problemType('validation'),
      title: 'The request is not valid',
      status: 400,
      detail: error.message,
    };
  }
  if (error instanceof StoreBusyError) {
    return { type: problemType('store-busy'), title: 'The store is busy, retry shortly', status: 503 };
  }
  // EventStoreDB away (after the adapter's own retries): the same command can be sent again.
  if (isTransientStoreError(error)) {
    return {
      type: problemType('store-unavailable'),
      title: 'The event store cannot be reached, retry shortly',
      status: 503,
    };
  }
  // Nest wraps Fastify's own errors (body parsing, limits) in an HttpException with the cause.
  const fastify = (error instanceof HttpException ? error.cause : error) as FastifyLikeError | undefined;
  if (fastify?.code && FASTIFY_ERRORS[fastify.code]) {
    const [status, code, title] = FASTIFY_ERRORS[fastify.code];
    // The parser refuses prototype-polluting keys with the same error as broken JSON.
    const detail =
      fastify.code === 'FST_ERR_CTP_INVALID_JSON_BODY'
        ? 'the body must be one well-formed JSON document, without __proto__ or constructor keys'
        : undefined;
    return { type: problemType(code), title, status, ...(detail ? { detail } : {}) };
  }
  if (error instanceof HttpException) return fromHttpException(error);
  if (typeof fastify?.statusCode === 'number' && fastify.statusCode >= 400 && fastify.statusCode < 500) {
    return { type: problemType('bad-request'), title: 'Bad request', status: fastify.statusCode };
  }
  return INTERNAL;
}

/** What an unexpected error tells the client: nothing of the error itself (it is logged instead). */
const INTERNAL: ProblemDetails = {
  type: problemType('internal'),
  title: 'Internal error',
  status: 500,
  detail: 'The engine could not handle the request; it has been logged under the correlation id given',
};

function rule(status: number, code: string, error: RuleViolation): ProblemDetails {
  return {
    type: problemType(code),
    title: status === 404 ? 'Not found' : 'A rule of the domain refused the command',
    status,
    detail: error.message,
    rule: error.rule,
    ...(error.field ? { errors: [{ field: error.field, message: error.message }] } : {}),
  };
}

function fromHttpException(error: HttpException): ProblemDetails {
  const status = error.getStatus();
  const titles: Record<number, [string, string]> = {
    404: ['not-found', 'Not found'],
    405: ['method-not-allowed', 'Method not allowed'],
    413: ['body-too-large', 'The request body is too large'],
    429: ['rate-limited', 'Too many requests'],
  };
  // A 5xx message may come from anywhere below (driver, file system): it is never echoed.
  if (status >= 500 && !titles[status]) return { ...INTERNAL, status };
  const [code, title] = titles[status] ?? ['bad-request', error.message];
  return { type: problemType(code), title, status };
}
