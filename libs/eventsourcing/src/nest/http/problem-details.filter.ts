import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import { problemType, type ProblemDetails } from './problem.js';
import { toProblem } from './to-problem.js';

/** Answers every error as `application/problem+json`; only unexpected errors are logged, never with the body. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendProblem(error, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>(), this.logger);
  }
}

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function sendProblem(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  logger: Logger,
): void {
  const path = request.url.split('?')[0];
  let problem: ProblemDetails = { ...toProblem(error), instance: path };
  // Deliberate 5xx answers (503 store-busy, read-model-behind, shutting-down) are not failures.
  if (problem.type === problemType('internal')) {
    // The client gets an id to quote; the log gets the error with the same id (never the body,
    // the query string or the headers, which may carry credentials).
    const given = request.headers['x-correlation-id'];
    const correlationId = typeof given === 'string' && CORRELATION_ID.test(given) ? given : randomUUID();
    problem = { ...problem, correlationId };
    logger.error({
      msg: 'request failed',
      correlationId,
      method: request.method,
      path,
      status: problem.status,
      error:
        error instanceof Error
          ? { name: error.name, message: error.message, stack: error.stack }
          : String(error),
    });
  }
  if (problem.status === 503) void reply.header('retry-after', '1');
  void reply.status(problem.status).type('application/problem+json').send(problem);
}

/**
 * Fastify's `frameworkErrors`: errors raised before a route is found (a URL that is not validly
 * percent-encoded, a path segment over the router's length limit) answered as problem details.
 */
export function frameworkErrorsAsProblems(logger: Logger = new Logger('http')) {
  return (error: unknown, request: FastifyRequest, reply: FastifyReply): void => {
    // These answers skip every hook, the security headers' included: they get their own.
    void reply.headers(BARE_PROBLEM_HEADERS);
    sendProblem(error, request, reply, logger);
  };
}

/** A problem answered before routing: JSON that nothing may render, frame or sniff. */
const BARE_PROBLEM_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

const CLIENT_ERRORS: Record<string, [number, string, string, string]> = {
  HPE_HEADER_OVERFLOW: [
    431,
    'Request Header Fields Too Large',
    'headers-too-large',
    'The request headers are too large',
  ],
  ERR_HTTP_REQUEST_TIMEOUT: [
    408,
    'Request Timeout',
    'request-timeout',
    'The request took too long to arrive',
  ],
};

/**
 * Fastify's `clientErrorHandler`: what Node's HTTP parser refuses (headers over the size limit,
 * malformed request lines) never reaches a route, so it is answered on the socket, still as
 * problem details, and the connection closed.
 */
export function clientErrorAsProblem(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, code, title] = CLIENT_ERRORS[error.code ?? ''] ?? [
    400,
    'Bad Request',
    'bad-request',
    'The request is not valid HTTP',
  ];
  const body = JSON.stringify({ type: problemType(code), title, status });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/problem+json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
