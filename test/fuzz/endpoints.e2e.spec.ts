import fc from 'fast-check';
import { startEngine, tokenFor, type RunningEngine } from '../support/engine.js';
import { recordTashkentMeeting } from '../support/tashkent.js';
import { differences, engineState, type EngineState } from './engine-state.js';
import {
  encodeParam,
  hostileAuthorization,
  hostileBody,
  hostileHeaderValue,
  hostileParam,
  type BodyCase,
} from './hostile.js';
import { routesOf, type FuzzRoute, type OpenApi } from './routes.js';

/**
 * Every endpoint of the running engine (as its OpenAPI document lists them, so new ones are
 * covered as they appear), called over real HTTP with hostile bodies, query strings, path
 * segments and headers, mostly as the Secretariat so that bodies get past identity and reach
 * validation, sometimes anonymously or with a forged credential.
 *
 * Seeded and bounded: KURULTAI_FUZZ_SEED and KURULTAI_FUZZ_RUNS (per endpoint) replay or widen a
 * run; a failure names the seed, the endpoint and the request.
 */
const SEED = Number(process.env.KURULTAI_FUZZ_SEED ?? 20241118);
const RUNS = Number(process.env.KURULTAI_FUZZ_RUNS ?? 8);

const PROBLEM_TYPE = /^urn:kurultai:problem:[a-z0-9-]+$/;
const LEAK =
  /node_modules|\/work\/|\/home\/|\/tmp\/|at [\w.<>]+ \(|\.ts:\d+|SQLITE_|SqliteError|sqlite_master|SELECT |INSERT INTO/;

/** Path segments the seeded engine knows, so that some requests reach an existing entity. */
const KNOWN_IDS: Record<string, string[]> = {
  id: ['diaspora-2025', 'kz-uz-diaspora-2024', 'turkic-world-vision-2040', 'ministry-portal'],
  code: ['UZ', 'KZ'],
  meetingId: ['diaspora-ministerial-6'],
  decisionId: ['adopt-plan-2025'],
  stream: ['plan-diaspora-2025', 'meeting-diaspora-ministerial-6'],
  projection: ['plan-implementation', 'decisions'],
  path: ['diaspora-2025'],
  actorId: ['local-operator'],
  correlationId: ['x'],
};

const HEADER_NAMES = [
  'idempotency-key',
  'if-match',
  'x-correlation-id',
  'x-causation-id',
  'last-event-id',
  'accept',
  'x-api-key',
];

/**
 * The 5xx answers a client can cause on purpose, each saying why and what to do: waiting for a
 * position the read models or the process managers have not reached (503 with Retry-After), and
 * a feature this store does not offer (501 `not-supported`: downstream groups need EventStoreDB).
 * Anything else at or above 500 fails the fuzz.
 */
function deliberate(status: number, text: string, headers: Headers): boolean {
  const type = /"type":"urn:kurultai:problem:([a-z0-9-]+)"/.exec(text)?.[1];
  if (status === 503)
    return (type === 'read-model-behind' || type === 'process-behind') && headers.has('retry-after');
  return status === 501 && type === 'not-supported';
}

type Caller = 'secretariat' | 'anonymous' | 'forged';

interface FuzzRequest {
  readonly url: string;
  readonly caller: Caller;
  readonly authorization?: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: BodyCase;
}

function requestsFor(route: FuzzRoute): fc.Arbitrary<FuzzRequest> {
  const segment = (name: string) =>
    fc.oneof(
      { weight: 2, arbitrary: fc.constantFrom(...(KNOWN_IDS[name] ?? ['x'])) },
      { weight: 3, arbitrary: hostileParam },
    );
  const path = fc
    .tuple(...route.pathParams.map((name) => segment(name)))
    .map((values) =>
      values.reduce((p, value, i) => p.replace(`{${route.pathParams[i]}}`, encodeParam(value)), route.path),
    );
  const queryName = fc.oneof(
    {
      weight: 4,
      arbitrary: route.queryParams.length ? fc.constantFrom(...route.queryParams) : fc.constant('limit'),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'unknown', '__proto__[x]', ''),
    },
  );
  const query = fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .array(fc.tuple(queryName, hostileParam), { maxLength: 4 })
        .map((pairs) => pairs.map(([k, v]) => `${encodeParam(k)}=${encodeParam(v)}`).join('&')),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '%E0%A4%A',
        'a=%ZZ',
        '=&&=',
        'limit',
        'limit=1&limit=2',
        'asOf=position:1e309',
      ),
    },
  );
  const headers = fc
    .array(fc.tuple(fc.constantFrom(...HEADER_NAMES), hostileHeaderValue), { maxLength: 3 })
    .map((pairs) => Object.fromEntries(pairs));
  const caller = fc.constantFrom<Caller>(
    'secretariat',
    'secretariat',
    'secretariat',
    'secretariat',
    'anonymous',
    'forged',
  );
  const body =
    route.method === 'POST' || route.method === 'DELETE'
      ? hostileBody(route.example).map((b) => b as BodyCase | undefined)
      : fc.constant(undefined);
  return fc.record({ path, query, headers, caller, authorization: hostileAuthorization, body }).map((r) => ({
    url: r.query ? `${r.path}?${r.query}` : r.path,
    caller: r.caller,
    authorization: r.caller === 'forged' ? r.authorization : undefined,
    headers: r.headers,
    body: r.body,
  }));
}

describe('fuzz: hostile requests to every endpoint', () => {
  let engine: RunningEngine;
  let routes: FuzzRoute[];
  let secretariat: string;
  let state: EngineState;

  beforeAll(async () => {
    // A short read-your-writes wait: a fuzzed minPosition beyond the head must not stall the run.
    engine = await startEngine({ KURULTAI_READ_WAIT_MS: '20' });
    await recordTashkentMeeting(engine);
    secretariat = await tokenFor(engine, { role: 'secretariat', sub: 'fuzz-secretariat' });
    const document = (await (await fetch(`${engine.url}/api/openapi.json`)).json()) as OpenApi;
    routes = routesOf(document);
    state = await settled();
  }, 60_000);
  afterAll(() => engine.close());

  /** The state once nothing moves any more (projections, process managers, a rebuild). */
  async function settled(): Promise<EngineState> {
    let previous = await engineState(engine.url, engine.dataDir);
    for (let i = 0; i < 100; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const rebuild = await engine.get('/api/operations/rebuild');
      const current = await engineState(engine.url, engine.dataDir);
      const rebuilding = rebuild.status === 200 && !['idle', 'done', 'failed'].includes(rebuild.body.state);
      if (!rebuilding && differences(previous, current).length === 0) return current;
      previous = current;
    }
    throw new Error('the engine never settled');
  }

  async function send(route: FuzzRoute, request: FuzzRequest) {
    const headers: Record<string, string> = { ...request.headers };
    if (request.caller === 'secretariat') headers.authorization = `Bearer ${secretariat}`;
    if (request.authorization) headers.authorization = request.authorization;
    if (request.body) headers['content-type'] = request.body.contentType ?? 'application/json';
    const abort = new AbortController();
    const response = await fetch(engine.url + request.url, {
      method: route.method,
      headers,
      body: request.body?.text,
      signal: abort.signal,
    });
    const contentType = response.headers.get('content-type') ?? '';
    // A live stream (SSE) answers 200 and never ends: its headers are the answer.
    if (contentType.startsWith('text/event-stream')) {
      abort.abort();
      return { status: response.status, contentType, text: '', headers: response.headers };
    }
    return { status: response.status, contentType, text: await response.text(), headers: response.headers };
  }

  it('finds every kind of endpoint in the OpenAPI document', () => {
    const commands = routes.filter((r) => r.path.startsWith('/api/commands/'));
    expect(commands.length).toBeGreaterThanOrEqual(35);
    expect(routes.filter((r) => r.method === 'GET').length).toBeGreaterThanOrEqual(25);
    expect(routes.some((r) => r.path === '/api/subscriptions' && r.method === 'POST')).toBe(true);
    expect(routes.some((r) => r.pathParams.length > 0)).toBe(true);
  });

  it('answers no request with a 5xx; every refusal is problem details and leaves the log and the read models as they were', async () => {
    const failures: string[] = [];
    const seen = new Map<string, number>();
    const count = (key: string) => seen.set(key, (seen.get(key) ?? 0) + 1);
    for (const [index, route] of routes.entries()) {
      // One seed per endpoint, derived from the run's: each endpoint gets requests of its own.
      const seed = SEED + index;
      const outcome = await fc.check(
        fc.asyncProperty(requestsFor(route), async (request) => {
          const reply = await send(route, request);
          count(
            reply.status < 400
              ? 'accepted'
              : (/"type":"urn:kurultai:problem:([a-z0-9-]+)"/.exec(reply.text)?.[1] ?? String(reply.status)),
          );
          const where = `${route.method} ${request.url.slice(0, 200)} as ${request.caller}, body ${request.body?.label ?? 'none'}`;
          if (reply.status >= 500 && !deliberate(reply.status, reply.text, reply.headers))
            throw new Error(`${where}: ${reply.status} ${reply.text.slice(0, 300)}`);
          if (reply.status >= 400) {
            if (!reply.contentType.startsWith('application/problem+json'))
              throw new Error(
                `${where}: ${reply.status} answered as ${reply.contentType}: ${reply.text.slice(0, 200)}`,
              );
            const problem = JSON.parse(reply.text) as { type?: unknown; title?: unknown; status?: unknown };
            if (
              typeof problem.type !== 'string' ||
              !PROBLEM_TYPE.test(problem.type) ||
              typeof problem.title !== 'string' ||
              problem.status !== reply.status
            )
              throw new Error(`${where}: not problem details: ${reply.text.slice(0, 300)}`);
            if (LEAK.test(reply.text))
              throw new Error(`${where}: the answer leaks internals: ${reply.text.slice(0, 500)}`);
            const after = await engineState(engine.url, engine.dataDir);
            const changed = differences(state, after);
            if (changed.length > 0)
              throw new Error(`${where}: refused with ${reply.status}, yet changed ${changed.join(', ')}`);
          } else {
            // Accepted (a valid body, a rebuild, a checkpoint): what it changed is the new baseline.
            state = await settled();
          }
        }),
        { numRuns: RUNS, seed, endOnFailure: true },
      );
      if (outcome.failed) {
        failures.push(
          `${route.method} ${route.path} (seed ${seed}, path ${outcome.counterexamplePath ?? '-'}): ${String(
            (outcome.errorInstance as Error | undefined)?.message ?? outcome.errorInstance,
          )}`,
        );
      }
    }
    expect(failures).toEqual([]);
    // The run reached every layer: identity refused forged credentials, validation refused
    // hostile fields, the domain refused some valid-looking commands, and some were accepted.
    const domain = ['rule-violation', 'rule-conflict', 'not-found'].some((outcome) => seen.has(outcome));
    const missing = ['unauthenticated', 'validation', 'too-deep', 'invalid-json', 'accepted']
      .filter((outcome) => !seen.has(outcome))
      .concat(domain ? [] : ['a refusal of the domain']);
    expect({ missing, seen: Object.fromEntries(seen) }).toEqual({ missing: [], seen: expect.anything() });
  }, 240_000);

  it('answers unknown paths and methods with 404/405 problem details', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'),
        fc.array(hostileParam, { minLength: 1, maxLength: 3 }),
        async (method, segments) => {
          const url = `/api/${segments.map(encodeParam).join('/')}`;
          const response = await fetch(engine.url + url, {
            method,
            headers: { authorization: `Bearer ${secretariat}` },
          });
          const text = await response.text();
          expect(response.status).toBeLessThan(500);
          if (response.status >= 400) {
            expect(response.headers.get('content-type')).toContain('application/problem+json');
            expect(text).not.toMatch(LEAK);
          }
        },
      ),
      { numRuns: RUNS * 5, seed: SEED, endOnFailure: true },
    );
  });
});
