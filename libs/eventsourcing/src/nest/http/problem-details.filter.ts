import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toProblem } from './to-problem.js';

/** Answers every error as `application/problem+json`; only 5xx are logged, never with the body. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendProblem(error, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>(), this.logger);
  }
}

export function sendProblem(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  logger: Logger,
): void {
  const problem = { ...toProblem(error), instance: request.url.split('?')[0] };
  if (problem.status >= 500)
    logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  if (problem.status === 503) void reply.header('retry-after', '1');
  void reply.status(problem.status).type('application/problem+json').send(problem);
}
