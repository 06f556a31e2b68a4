import { ServiceUnavailableException, type Logger } from '@nestjs/common';
import Fastify, { type FastifyInstance } from 'fastify';
import { ProblemException } from './problem.js';
import { sendProblem } from './problem-details.filter.js';

const INTERNALS =
  'SqliteError: UNIQUE constraint failed: events.id in INSERT INTO events VALUES (?) at /srv/kurultai/dist/libs/event-store/src/sqlite/append.js:42';

describe('problem details of unexpected errors', () => {
  let app: FastifyInstance;
  let logged: Record<string, unknown>[];

  beforeAll(async () => {
    logged = [];
    const logger = {
      error: (entry: Record<string, unknown>) => void logged.push(entry),
    } as unknown as Logger;
    app = Fastify();
    app.setErrorHandler((error, request, reply) => sendProblem(error, request, reply, logger));
    app.get('/boom', () => {
      throw new Error(INTERNALS);
    });
    app.get('/unavailable', () => {
      throw new ServiceUnavailableException(`disk full under /srv/kurultai/data: ${INTERNALS}`);
    });
    app.get('/busy', () => {
      throw ProblemException.of(503, 'store-busy', 'The store is busy, retry shortly');
    });
    await app.ready();
  });
  afterAll(() => app.close());
  beforeEach(() => (logged = []));

  it('given an unknown error, answers a generic 500 with a correlation id, and logs the error under it', async () => {
    const reply = await app.inject({ method: 'GET', url: '/boom?token=abc' });
    const body = reply.json<Record<string, unknown>>();
    expect(reply.statusCode).toBe(500);
    expect(reply.headers['content-type']).toContain('application/problem+json');
    expect(body).toMatchObject({ type: 'urn:kurultai:problem:internal', status: 500, instance: '/boom' });
    expect(reply.body).not.toMatch(/Sqlite|INSERT|\/srv\/|append\.js|UNIQUE/);
    expect(body.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ correlationId: body.correlationId, path: '/boom', status: 500 });
    expect(JSON.stringify(logged[0])).toContain('UNIQUE constraint failed');
    // The query string may carry credentials: it is not logged.
    expect(JSON.stringify(logged[0])).not.toContain('token=abc');
  });

  it('given the caller sent X-Correlation-Id, uses it in the answer and the log', async () => {
    const reply = await app.inject({
      method: 'GET',
      url: '/boom',
      headers: { 'x-correlation-id': 'portal-7' },
    });
    expect(reply.json()).toMatchObject({ correlationId: 'portal-7' });
    expect(logged[0]).toMatchObject({ correlationId: 'portal-7' });
  });

  it('given an HTTP 5xx exception with a message, does not echo the message', async () => {
    const reply = await app.inject({ method: 'GET', url: '/unavailable' });
    expect(reply.statusCode).toBe(503);
    expect(reply.body).not.toMatch(/disk|\/srv\/|Sqlite/);
  });

  it('given a deliberate 503 (store busy), answers it with Retry-After and logs nothing', async () => {
    const reply = await app.inject({ method: 'GET', url: '/busy' });
    expect(reply.statusCode).toBe(503);
    expect(reply.headers['retry-after']).toBe('1');
    expect(reply.json()).toMatchObject({ type: 'urn:kurultai:problem:store-busy' });
    expect(logged).toEqual([]);
  });
});
