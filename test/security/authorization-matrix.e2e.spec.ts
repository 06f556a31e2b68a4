import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { join } from 'node:path';
import { EVENT_STORE, type EventStore } from '#event-store';
import { COMMAND_RIGHTS, ROUTE_RIGHTS } from '#security';
import { importScenario } from '../../apps/api/src/scenario/import-scenario.js';
import { loadScenario } from '../../apps/api/src/scenario/scenario.js';
import { headersFor, startEngine, type RunningEngine } from '../support/engine.js';
import {
  callerOf,
  commandRight,
  expectedOf,
  PRINCIPALS,
  rightOf,
  routeEntries,
  urlOf,
  type Principal,
  type Target,
} from './principals.js';

const SCENARIO = join(__dirname, '..', '..', 'scenarios', 'ots-diaspora-2022-2025.json');
const FOLLOW_UP = 'matrix-kz-follow-up';

/** What each scoped command acts on: an entity of `ownState` from the bundled scenario. */
const ACTIVITY: Target = { body: { activityId: 'capacity-building-2025' }, ownState: 'KZ', otherState: 'TR' };
const SIGNING: Target = {
  body: { protocolId: 'kz-otandastar-uz-committee-2024', institutionId: 'kz-otandastar' },
  ownState: 'KZ',
  otherState: 'UZ',
};
const TARGETS: Readonly<Record<string, Target>> = {
  StartActivity: ACTIVITY,
  ReportProgress: ACTIVITY,
  CompleteActivity: ACTIVITY,
  PostponeActivity: ACTIVITY,
  DesignateSignatory: SIGNING,
  SignProtocol: SIGNING,
  UpdateImplementationStatus: { body: { followUpId: FOLLOW_UP }, ownState: 'KZ', otherState: 'AZ' },
};
const UNSCOPED: Target = { body: {}, ownState: 'KZ', otherState: 'TR' };
const SAMPLES = {
  id: 'diaspora-2025',
  code: 'KZ',
  meetingId: 'diaspora-ministerial-6',
  decisionId: 'adopt-plan-2025',
};

const outcome = (status: number): 'allowed' | number =>
  status === 401 || status === 403 ? status : 'allowed';

/**
 * The authorization matrix, generated from the one rights table (libs/security): every principal ×
 * every command and every route, over real HTTP. Allowed requests may fail for domain or input
 * reasons (4xx, or 501 for what another store serves) but never with 401/403 nor 500; denied ones
 * get exactly 401 (anonymous) or 403.
 */
describe('authorization matrix (from the rights table)', () => {
  let engine: RunningEngine;
  let store: EventStore;

  beforeAll(async () => {
    engine = await startEngine();
    store = engine.app.get<EventStore>(EVENT_STORE);
    await importScenario(engine, await loadScenario(SCENARIO));
    const assigned = await engine.post('/api/commands/AssignFollowUp', {
      followUpId: FOLLOW_UP,
      decision: { meetingId: 'diaspora-ministerial-6', decisionId: 'organise-joint-events' },
      assignee: { state: 'KZ' },
      description: { en: 'Report the joint events of 2025' },
    });
    expect(assigned.status).toBe(200);
  }, 120_000);
  afterAll(() => engine.close());

  describe('commands', () => {
    const cases = Object.keys(COMMAND_RIGHTS).flatMap((type) =>
      PRINCIPALS.map((principal) => [type, principal, expectedOf(commandRight(type), principal)] as const),
    );

    it.each(cases)('POST /api/commands/%s as %s: %s', async (type, principal, expected) => {
      const target = TARGETS[type] ?? UNSCOPED;
      const before = (await store.head()).position;
      const reply = await engine.as(callerOf(principal, target)).post(`/api/commands/${type}`, target.body);
      expect(reply.status).toBeLessThan(500);
      expect([type, principal, outcome(reply.status)]).toEqual([type, principal, expected]);
      if (expected !== 'allowed') {
        expect(reply.contentType).toContain('application/problem+json');
        expect(reply.body).toMatchObject({ status: expected, detail: expect.any(String) });
        if (expected === 401)
          expect(reply.headers.get('www-authenticate')).toMatch(/^Bearer realm="kurultai"/);
      }
      // Refused or invalid: nothing reaches the log.
      expect((await store.head()).position).toBe(before);
    });

    it.each(PRINCIPALS.map((p) => [p, p === 'anonymous' ? 401 : 404] as const))(
      'an unknown command type as %s: %s',
      async (principal, status) => {
        const reply = await engine.as(callerOf(principal, UNSCOPED)).post('/api/commands/NoSuchCommand', {});
        expect(reply.status).toBe(status);
      },
    );
  });

  describe('routes', () => {
    // Writes that change the engine (a rebuild, a checkpoint) come last, reads first.
    const entries = routeEntries().sort(([a], [b]) => Number(a !== 'GET') - Number(b !== 'GET'));
    const cases = entries.flatMap(([method, pattern, right]) =>
      PRINCIPALS.map((principal) => [method, pattern, principal, expectedOf(right, principal)] as const),
    );

    it.each(cases)('%s %s as %s: %s', async (method, pattern, principal, expected) => {
      const headers = await headersFor(engine, callerOf(principal, UNSCOPED));
      const status = await statusOf(engine.url, method, urlOf(pattern, SAMPLES), headers);
      // Deliberate answers such as 501 (a feature of another store) are allowed; a failure is not.
      expect(status).not.toBe(500);
      expect([method, pattern, principal, outcome(status)]).toEqual([method, pattern, principal, expected]);
    });
  });

  it('declares a right for every route the engine serves', () => {
    const undeclared: string[] = [];
    for (const module of engine.app.get(ModulesContainer).values()) {
      for (const { metatype } of module.controllers.values()) {
        if (!metatype) continue;
        const base = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
        const prototype = metatype.prototype as Record<string, unknown>;
        for (const name of Object.getOwnPropertyNames(prototype)) {
          const handler = prototype[name];
          if (typeof handler !== 'function' || name === 'constructor') continue;
          const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
          if (path === undefined) continue;
          const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
          const route = ('/' + [base, path].filter((p) => p && p !== '/').join('/')).replace(/\/+/g, '/');
          if (!rightOf(method, route)) undeclared.push(`${method} ${route}`);
        }
      }
    }
    expect(undeclared).toEqual([]);
    // And the table names nothing the engine does not serve (no stale rows).
    expect(Object.keys(ROUTE_RIGHTS).length).toBeGreaterThan(0);
  });
});

/** The status of a request; a stream (SSE) is closed as soon as its status is known. */
async function statusOf(
  base: string,
  method: string,
  url: string,
  headers: Record<string, string>,
): Promise<number> {
  const abort = new AbortController();
  const body = method === 'GET' || method === 'DELETE' ? undefined : '{}';
  const response = await fetch(base + url, {
    method,
    headers: body ? { ...headers, 'content-type': 'application/json' } : headers,
    body,
    signal: abort.signal,
  });
  if (response.headers.get('content-type')?.startsWith('text/event-stream')) abort.abort();
  else await response.arrayBuffer();
  return response.status;
}

export type { Principal };
