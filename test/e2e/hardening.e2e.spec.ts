import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, spawnEngine, waitUntilLive, type EngineProcess } from '../support/engine-process.js';
import { ConfigError, loadConfig } from '../../apps/api/src/config.js';
import { startEngine, tokenFor, type RunningEngine } from '../support/engine.js';
import { draftPlan } from '../support/tashkent.js';

const PROBLEM = /application\/problem\+json/;
const LEAK = /node_modules|\/work\/|\/home\/|at \w+ \(|SQLITE|SELECT |INSERT /;

/** A raw request, for what `fetch` would not send as is (over-sized headers). */
function rawGet(url: string, headers: Record<string, string>) {
  return new Promise<{ status: number; contentType: string; body: string }>((resolve, reject) => {
    const req = httpRequest(url, { method: 'GET', headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, contentType: res.headers['content-type'] ?? '', body }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('hardening against bad input', () => {
  let engine: RunningEngine;
  const head = async () => (await engine.get('/health/ready')).body.headPosition as number;

  beforeAll(async () => {
    engine = await startEngine();
    expect((await engine.post('/api/commands/DraftPlan', draftPlan)).status).toBe(200);
  });
  afterAll(() => engine.close());

  describe('given a body nested thousands of levels deep', () => {
    it.each([
      ['an unknown field', `{"planId":"deep-1","bogus":${nested(5000)}}`, 'DraftPlan'],
      [
        'a free-form corrected value',
        `{"meetingId":"m-1","correctionId":"c-1","target":{"kind":"decision","id":"d"},"field":"text",` +
          `"reason":{"en":"x"},"correctedValue":${nested(50_000)}}`,
        'CorrectRecord',
      ],
    ])('refuses %s with 400 too-deep, not a 500 (the stack used to overflow)', async (_name, body, type) => {
      const before = await head();
      const reply = await engine.post(`/api/commands/${type}`, body);
      expect(reply.status).toBe(400);
      expect(reply.contentType).toMatch(PROBLEM);
      expect(reply.body.type).toBe('urn:kurultai:problem:too-deep');
      expect(await head()).toBe(before);
    });

    it('accepts the nesting a real command needs', async () => {
      const reply = await engine.post('/api/commands/DraftPlan', {
        ...draftPlan,
        planId: 'nested-ok',
        year: 2026,
        title: { en: 'Plan 2026' },
      });
      expect(reply.status).toBe(200);
    });
  });

  it('refuses a free-form corrected value over 64 KiB, naming it (it was unbounded)', async () => {
    const before = await head();
    const reply = await engine.post('/api/commands/CorrectRecord', {
      meetingId: 'diaspora-ministerial-6',
      correctionId: 'c-big',
      target: { kind: 'decision', id: 'adopt-plan-2025' },
      field: 'text',
      correctedValue: { en: 'x'.repeat(70_000) },
      reason: { en: 'x' },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errors.map((e: { field: string }) => e.field)).toContain('correctedValue');
    expect(await head()).toBe(before);
  });

  describe('given prototype-pollution keys', () => {
    it.each(['constructor=1', '__proto__=1', 'prototype=x'])(
      'refuses the query string %s by name (constructor used to be dropped silently)',
      async (query) => {
        const reply = await engine.get(`/api/plans?${query}`);
        expect(reply.status).toBe(400);
        expect(reply.body.type).toBe('urn:kurultai:problem:validation');
        expect(reply.body.errors[0].field).toBe(query.split('=')[0]);
      },
    );

    it.each([
      ['__proto__', '{"__proto__":{"isAdmin":true},"planId":"p-1"}'],
      ['constructor.prototype', '{"planId":"p-2","constructor":{"prototype":{"isAdmin":true}}}'],
    ])('refuses a body with %s as 400 problem details', async (_name, body) => {
      const before = await head();
      const reply = await engine.post('/api/commands/DraftPlan', body);
      expect(reply.status).toBe(400);
      expect(reply.contentType).toMatch(PROBLEM);
      expect(reply.body).toMatchObject({ type: 'urn:kurultai:problem:invalid-json' });
      expect(reply.body.detail).toContain('__proto__ or constructor');
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
      expect(await head()).toBe(before);
    });
  });

  describe('given URLs and headers the router or the HTTP parser refuses', () => {
    it('answers a bad percent-encoding with 400 problem details (it used to be a bare Fastify error)', async () => {
      const reply = await engine.get('/api/states/%ZZ');
      expect(reply.status).toBe(400);
      expect(reply.contentType).toMatch(PROBLEM);
      expect(reply.body).toMatchObject({ type: 'urn:kurultai:problem:invalid-url', status: 400 });
    });

    it('answers an over-long path segment with 414 problem details', async () => {
      const reply = await engine.get(`/api/audit/actors/${'a'.repeat(500)}`);
      expect(reply.status).toBe(414);
      expect(reply.contentType).toMatch(PROBLEM);
      expect(reply.body.type).toBe('urn:kurultai:problem:uri-too-long');
    });

    it('answers over-sized headers with 431 problem details', async () => {
      const reply = await rawGet(`${engine.url}/api/plans`, { 'x-padding': 'a'.repeat(20_000) });
      expect(reply.status).toBe(431);
      expect(reply.contentType).toMatch(PROBLEM);
      expect(JSON.parse(reply.body)).toMatchObject({ type: 'urn:kurultai:problem:headers-too-large' });
    });

    it('answers a request that is not HTTP at all with 400 problem details on the connection', async () => {
      const { port } = new URL(engine.url);
      const answer = await new Promise<string>((resolve, reject) => {
        let text = '';
        const socket = connect(Number(port), '127.0.0.1', () =>
          socket.write('GARBAGE \u0000 NOT-HTTP\r\n\r\n'),
        );
        socket.on('data', (chunk) => (text += chunk.toString()));
        socket.on('close', () => resolve(text));
        socket.on('error', reject);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
      expect(answer).toContain('application/problem+json');
      expect(answer).toContain('"type":"urn:kurultai:problem:bad-request"');
    });

    it('answers a wrong content type with 415 and an empty JSON body with 400', async () => {
      const xml = await engine.post('/api/commands/DraftPlan', '<plan/>', {
        'content-type': 'application/xml',
      });
      expect(xml.status).toBe(415);
      expect(xml.contentType).toMatch(PROBLEM);
      const empty = await engine.post('/api/commands/DraftPlan', '');
      expect(empty.status).toBe(400);
      expect(empty.body.type).toBe('urn:kurultai:problem:invalid-json');
    });

    it('never shows a stack, a path or SQL in any of these answers', async () => {
      for (const path of ['/api/states/%ZZ', `/api/audit/actors/${'a'.repeat(500)}`, '/api/plans?limit=x']) {
        expect(JSON.stringify((await engine.get(path)).body)).not.toMatch(LEAK);
      }
    });
  });

  describe('security headers', () => {
    it('sends them on API answers, problems included', async () => {
      for (const path of ['/api/plans', '/api/plans/unknown-plan', '/api/states/%ZZ']) {
        const reply = await engine.get(path);
        // Before routing (a bad URL) the policy is stricter still: default-src 'none'.
        expect(reply.headers.get('content-security-policy')).toMatch(/default-src '(self|none)'/);
        expect(reply.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
        expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
        expect(reply.headers.get('x-frame-options')).toBe('DENY');
        expect(reply.headers.get('referrer-policy')).toBe('no-referrer');
      }
    });

    it('lets Swagger UI style itself, and nothing runs a script from elsewhere', async () => {
      const docs = await fetch(`${engine.url}/api/docs`);
      const policy = docs.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("style-src 'self' 'unsafe-inline'");
      expect(policy).toContain("script-src 'self'");
      expect(policy).not.toMatch(/script-src[^;]*unsafe/);
    });
  });

  describe('CORS', () => {
    it('by default answers no other origin (same origin only)', async () => {
      const simple = await engine.get('/api/plans', { origin: 'https://elsewhere.example' });
      expect(simple.headers.get('access-control-allow-origin')).toBeNull();
      const preflight = await fetch(`${engine.url}/api/commands/DraftPlan`, {
        method: 'OPTIONS',
        headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('allows exactly the origins of KURULTAI_CORS_ORIGINS', async () => {
      const cors = await startEngine({
        KURULTAI_CORS_ORIGINS: 'https://portal.example.org,http://localhost:8080',
      });
      try {
        const allowed = await cors.get('/api/plans', { origin: 'https://portal.example.org' });
        expect(allowed.headers.get('access-control-allow-origin')).toBe('https://portal.example.org');
        const preflight = await fetch(`${cors.url}/api/commands/DraftPlan`, {
          method: 'OPTIONS',
          headers: {
            origin: 'http://localhost:8080',
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'authorization, content-type, idempotency-key',
          },
        });
        expect(preflight.status).toBeLessThan(300);
        expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:8080');
        expect(preflight.headers.get('access-control-allow-headers')).toContain('idempotency-key');
        const other = await cors.get('/api/plans', { origin: 'https://portal.example.org.evil.example' });
        expect(other.headers.get('access-control-allow-origin')).toBeNull();
      } finally {
        await cors.close();
      }
    });
  });

  describe('configuration of the limits', () => {
    it('defaults to no rate limit and same-origin only', () => {
      const config = loadConfig({});
      expect(config.KURULTAI_RATE_LIMIT).toBe(0);
      expect(config.KURULTAI_RATE_LIMIT_WINDOW_MS).toBe(60_000);
      expect(config.KURULTAI_CORS_ORIGINS).toBeUndefined();
    });

    it.each([
      [{ KURULTAI_RATE_LIMIT: '-1' }, 'KURULTAI_RATE_LIMIT must be 0 (off) or more'],
      [{ KURULTAI_RATE_LIMIT: 'lots' }, 'KURULTAI_RATE_LIMIT must be a whole number of requests'],
      [{ KURULTAI_RATE_LIMIT_WINDOW_MS: '10' }, 'KURULTAI_RATE_LIMIT_WINDOW_MS must be at least 1000'],
      [{ KURULTAI_CORS_ORIGINS: '*' }, 'KURULTAI_CORS_ORIGINS must be origins'],
      [{ KURULTAI_CORS_ORIGINS: 'https://a.example/path' }, 'KURULTAI_CORS_ORIGINS must be origins'],
      [
        { KURULTAI_CORS_ORIGINS: 'https://a.example, https://b.example' },
        'KURULTAI_CORS_ORIGINS must be origins',
      ],
    ])('refuses %j at start, saying why', (env, message) => {
      let problems: readonly string[] = [];
      try {
        loadConfig(env);
      } catch (error) {
        if (error instanceof ConfigError) problems = error.problems;
      }
      expect(problems.some((problem) => problem.startsWith(message))).toBe(true);
    });
  });

  describe('rate limits per identity', () => {
    let limited: RunningEngine;
    beforeAll(async () => {
      limited = await startEngine({ KURULTAI_RATE_LIMIT: '3', KURULTAI_RATE_LIMIT_WINDOW_MS: '60000' });
    });
    afterAll(() => limited.close());

    it('given 3 requests a minute, refuses the 4th of one caller with 429 and Retry-After, not another caller', async () => {
      const alice = { authorization: `Bearer ${await tokenFor(limited, { role: 'auditor', sub: 'alice' })}` };
      const bob = { authorization: `Bearer ${await tokenFor(limited, { role: 'auditor', sub: 'bob' })}` };
      for (let i = 0; i < 3; i++) expect((await limited.get('/api/plans', alice)).status).toBe(200);
      const refused = await limited.get('/api/states', alice);
      expect(refused.status).toBe(429);
      expect(refused.contentType).toMatch(PROBLEM);
      expect(refused.body.type).toBe('urn:kurultai:problem:rate-limited');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      // Bob has a budget of his own, whatever address he calls from (the same one here).
      expect((await limited.get('/api/plans', bob)).status).toBe(200);
      // Health probes are never limited.
      expect((await limited.get('/health/live', alice)).status).toBe(200);
    });

    it('counts anonymous callers by address', async () => {
      const anonymous = limited.as('anonymous');
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await anonymous.get('/api/plans')).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
    });
  });

  describe('the log of a running engine (built, as `npm start` runs it)', () => {
    const SECRET = 'whsec-log-test-0123456789abcdef0123456789';
    let receiver: Server;
    let engineProcess: EngineProcess;
    let dataDir: string;

    beforeAll(async () => {
      // A receiver that always fails, so that the delivery is retried, parked and logged.
      receiver = createServer((_req, res) => res.writeHead(500).end());
      await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
      dataDir = mkdtempSync(join(tmpdir(), 'kurultai-logs-'));
      engineProcess = spawnEngine(
        {
          KURULTAI_DATA_DIR: dataDir,
          KURULTAI_LOG_LEVEL: 'verbose',
          KURULTAI_WEBHOOKS_ALLOW_PRIVATE: 'on',
          KURULTAI_WEBHOOKS_MAX_ATTEMPTS: '1',
          KURULTAI_WEBHOOKS_RETRY_BASE_MS: '1',
        },
        await freePort(),
      );
      await waitUntilLive(engineProcess);
    }, 30_000);
    afterAll(async () => {
      engineProcess.child.kill('SIGTERM');
      await engineProcess.exited();
      await new Promise((resolve) => receiver.close(resolve));
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('given requests with a token and an API key, and a webhook with a secret, shows none of them', async () => {
      const token = await tokenFor(engineProcess, { role: 'secretariat', sub: 'log-test' });
      const apiKey = 'kak_0123456789abcdef0123456789abcdef';
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const drafted = await fetch(`${engineProcess.url}/api/commands/DraftPlan`, {
        method: 'POST',
        headers,
        body: JSON.stringify(draftPlan),
      });
      expect(drafted.status).toBe(200);
      // A refused token and an unknown API key, too: their text must not be logged either.
      const refusals: Record<string, string>[] = [
        { authorization: `Bearer ${token}x` },
        { 'x-api-key': apiKey },
      ];
      for (const credentials of refusals) {
        const refused = await fetch(`${engineProcess.url}/api/commands/DraftPlan`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...credentials },
          body: JSON.stringify(draftPlan),
        });
        expect(refused.status).toBe(401);
      }
      const { port } = receiver.address() as AddressInfo;
      const registered = await fetch(`${engineProcess.url}/api/subscriptions`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          id: 'log-test-hook',
          url: `http://127.0.0.1:${port}/hook`,
          secret: SECRET,
          from: 0,
        }),
      });
      expect(registered.status).toBeLessThan(300);
      // The failed delivery is logged, naming the subscription: the log is really being read.
      const deadline = Date.now() + 15_000;
      while (!engineProcess.output().includes('log-test-hook') && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      const log = engineProcess.output();
      expect(log).toContain('log-test-hook');
      for (const secret of [token, apiKey, SECRET]) expect(log).not.toContain(secret);
    }, 30_000);
  });
});
