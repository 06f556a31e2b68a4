import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { headersFor, startEngine, type Caller, type RunningEngine } from '../support/engine.js';
import { QUERY_ROUTES, type Probe } from './query-routes.js';
import {
  A_ACTIVITY,
  A_DECISION,
  A_MEETING,
  A_PLAN,
  A_PROTOCOL,
  B_PROTOCOL,
  FOCAL_A,
  FOCAL_B,
  loadWorld,
  SECRET_A,
  SECRET_B,
  type Secret,
} from './world.js';

/**
 * No internal item reaches a caller who may not see it: anonymous, a service, the focal point of
 * another state, through any query (live and "as of"), the events page, a Server-Sent Events
 * session or a webhook; while the Secretariat, an auditor and the focal point of its own state see
 * it. Every query route of the OpenAPI document must have its probes in `QUERY_ROUTES`.
 */
const SERVICE: Caller = { role: 'service', sub: 'diaspora-portal' };
const AUDITOR: Caller = { role: 'auditor' };
const SECRETARIAT: Caller = { role: 'secretariat' };

/** Who may not see what: each caller with the secrets it must never be shown. */
const BLIND: [name: string, caller: Caller, hidden: Secret[]][] = [
  ['anonymous', 'anonymous', [SECRET_A, SECRET_B]],
  ['a service', SERVICE, [SECRET_A, SECRET_B]],
  ['the focal point of state B', FOCAL_B, [SECRET_A]],
];

/** iCalendar folds long lines; a title split over two lines is still shown. */
const unfold = (text: string) => text.replace(/\r?\n[ \t]/g, '');
const textOf = (body: unknown) => unfold(typeof body === 'string' ? body : JSON.stringify(body));

/**
 * Whether a body shows a secret. A request that names an internal item itself (its id in the
 * path) may be answered with that id in a 404's detail; its title never.
 */
function leaks(body: unknown, secret: Secret, url: string): string | null {
  const text = textOf(body);
  if (text.includes(secret.title)) return secret.title;
  if (!url.includes(secret.id) && text.includes(secret.id)) return secret.id;
  return null;
}

describe('no internal item leaks (DESIGN §7, docs/visibility.md)', () => {
  let engine: RunningEngine;
  let head: number;
  let lastPublic: number;
  let probes: Probe[];
  let hook: Receiver;

  beforeAll(async () => {
    engine = await startEngine({ KURULTAI_WEBHOOKS_ALLOW_PRIVATE: 'on' });
    ({ head, lastPublic } = await loadWorld(engine));
    probes = QUERY_ROUTES.flatMap((route) => route.probes.map((url) => ({ route: route.path, url })));
    hook = new Receiver();
    await hook.start();
    // A service's subscription and the Secretariat's, from the start of the log.
    for (const [caller, id] of [
      [SERVICE, 'portal'],
      [SECRETARIAT, 'archive'],
    ] as const) {
      const body = { id, url: `${hook.url}/${id}`, secret: 'x'.repeat(40), from: 0 };
      const reply = await engine.as(caller).post('/api/subscriptions', body);
      if (reply.status !== 201)
        throw new Error(`subscription ${id}: ${reply.status} ${JSON.stringify(reply.body)}`);
    }
  }, 180_000);
  afterAll(async () => {
    await hook?.stop();
    await engine?.close();
  });

  it('has probes for every query route of the API', async () => {
    const doc = (await engine.get('/api/openapi.json')).body as { paths: Record<string, { get?: unknown }> };
    const documented = Object.entries(doc.paths)
      .filter(([, operations]) => operations.get)
      .map(([path]) => path)
      .sort();
    expect(QUERY_ROUTES.map((r) => r.path).sort()).toEqual(documented);
  });

  describe.each(BLIND)('to %s', (_name, caller, hidden) => {
    it.each(['', 'position', 'recorded', 'occurred'])(
      'no query shows a hidden item (asOf: %s)',
      async (asOf) => {
        const suffix = asOfParam(asOf, head);
        const shown: string[] = [];
        for (const { url } of probes) {
          const withAsOf = suffix ? `${url}${url.includes('?') ? '&' : '?'}${suffix}` : url;
          const reply = await engine.as(caller).get(withAsOf);
          // 501: a route the embedded store does not serve (downstream groups need EventStoreDB).
          if (reply.status >= 500 && reply.status !== 501) shown.push(`${withAsOf} answered ${reply.status}`);
          for (const secret of hidden) {
            const leak = leaks(reply.body, secret, withAsOf);
            if (leak) shown.push(`${withAsOf} (${reply.status}) shows ${leak}`);
            // Asked for by id (in the path), a hidden item does not exist for this caller.
            if (withAsOf.split('?')[0].includes(secret.id) && reply.status < 300)
              shown.push(`${withAsOf} answered ${reply.status}`);
          }
        }
        expect(shown).toEqual([]);
      },
    );
  });

  it("refuses to publish an event of A's internal activity for anyone but the Secretariat, and writes nothing", async () => {
    const before = (await engine.get('/health/ready')).body.headPosition;
    const body = { activityId: A_ACTIVITY, progress: 60, asOf: '2025-04-04', visibility: 'public' };
    const refused = await engine.as(FOCAL_A).post('/api/commands/ReportProgress', body);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      type: 'urn:kurultai:problem:forbidden',
      rule: 'visibility.internal-entity',
    });
    expect((await engine.get('/health/ready')).body.headPosition).toBe(before);
  });

  it('answers the feeds to anonymous callers with 401', async () => {
    for (const path of ['/api/events', '/api/events/stream'])
      expect((await engine.as('anonymous').get(path)).status).toBe(401);
  });

  it.each([
    ['a service', SERVICE, [SECRET_A, SECRET_B]],
    ['the focal point of state B', FOCAL_B, [SECRET_A]],
  ] as const)('pages the log to %s without the events it may not see', async (_name, caller, hidden) => {
    const text = await allPages(caller);
    for (const secret of hidden) expect(leaks(text, secret, '')).toBeNull();
    expect(text).toContain(`"position":${lastPublic}`);
  });

  it.each([
    ['a service', SERVICE, [SECRET_A, SECRET_B]],
    ['the focal point of state B', FOCAL_B, [SECRET_A]],
  ] as const)('streams the log to %s without the events it may not see', async (_name, caller, hidden) => {
    const text = await sse(caller, lastPublic);
    for (const secret of hidden) expect(leaks(text, secret, '')).toBeNull();
    expect(text).toContain(`id: ${lastPublic}\n`);
  });

  it("delivers to a service's webhook the public events only, and the Secretariat's every event", async () => {
    for (const id of ['portal', 'archive']) await untilDelivered(id, head);
    const portal = hook.bodies('portal');
    expect(portal.length).toBeGreaterThan(0);
    for (const s of [SECRET_A, SECRET_B]) expect(leaks(portal.join('\n'), s, '')).toBeNull();
    const archive = hook.bodies('archive').join('\n');
    for (const s of [SECRET_A, SECRET_B]) expect(archive).toContain(s.title);
  });

  describe('while those who may see them do', () => {
    const ids = async (caller: Caller, url: string) => textOf((await engine.as(caller).get(url)).body);

    it.each([
      ['the Secretariat', SECRETARIAT],
      ['an auditor', AUDITOR],
      ['the focal point of state A', FOCAL_A],
    ] as const)('%s sees the internal items of A, live and as of the head', async (_name, caller) => {
      for (const asOf of ['', `asOf=position:${head}`]) {
        const q = asOf ? `?${asOf}` : '';
        const and = asOf ? `&${asOf}` : '';
        expect(await ids(caller, `/api/calendar${q}`)).toContain(A_MEETING);
        expect(await ids(caller, `/api/calendar${q}`)).toContain(A_ACTIVITY);
        expect(await ids(caller, `/api/decisions${q}`)).toContain(A_DECISION);
        expect(await ids(caller, `/api/protocols${q}`)).toContain(A_PROTOCOL);
        expect(await ids(caller, `/api/protocols/matrix?status=all${and}`)).toContain(A_PROTOCOL);
        expect(await ids(caller, `/api/plans${q}`)).toContain(A_PLAN);
        expect(await ids(caller, `/api/states/UZ${q}`)).toContain(A_ACTIVITY);
        expect((await engine.as(caller).get(`/api/decisions/${A_MEETING}/${A_DECISION}${q}`)).status).toBe(
          200,
        );
      }
    });

    it('the focal point of A does not see the internal items of B; the focal point of B does', async () => {
      expect(await ids(FOCAL_A, '/api/protocols')).not.toContain(B_PROTOCOL);
      expect(await ids(FOCAL_B, '/api/protocols')).toContain(B_PROTOCOL);
      expect(await sse(FOCAL_A, lastPublic)).not.toContain(SECRET_B.title);
    });

    it('the Secretariat reads every internal event in the log and the stream', async () => {
      const text = await allPages(SECRETARIAT);
      for (const s of [SECRET_A, SECRET_B]) expect(text).toContain(s.title);
      expect(await sse(SECRETARIAT, lastPublic)).toContain(SECRET_A.title);
    });
  });

  async function allPages(caller: Caller): Promise<string> {
    const pages: string[] = [];
    let after: number | null = 0;
    while (after !== null) {
      const reply = await engine.as(caller).get(`/api/events?after=${after}&limit=1000`);
      expect(reply.status).toBe(200);
      pages.push(JSON.stringify(reply.body.items));
      after = reply.body.next?.after ?? null;
    }
    return pages.join('\n');
  }

  /** Reads a Server-Sent Events session from the start until the event at `until`, then leaves. */
  async function sse(caller: Caller, until: number): Promise<string> {
    const abort = new AbortController();
    const response = await fetch(`${engine.url}/api/events/stream?after=0`, {
      headers: await headersFor(engine, caller),
      signal: abort.signal,
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    try {
      while (!text.includes(`id: ${until}\n`)) {
        const { done, value } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
      }
    } finally {
      abort.abort();
    }
    return text;
  }

  async function untilDelivered(id: string, position: number): Promise<void> {
    for (let tries = 0; tries < 600; tries++) {
      const status = (await engine.get(`/api/subscriptions/${id}`)).body as { position: number };
      if (status.position >= position) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`webhook ${id} never reached position ${position}`);
  }
});

function asOfParam(kind: string, head: number): string {
  if (kind === 'position') return `asOf=position:${head}`;
  if (kind === 'recorded') return `asOf=${new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)}`;
  if (kind === 'occurred') return 'asOf=occurred:2030-12-31';
  return '';
}

/** A webhook receiver on 127.0.0.1 that keeps every body, by path. */
class Receiver {
  private readonly server: Server;
  private readonly received = new Map<string, string[]>();
  url = '';

  constructor() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = (req.url ?? '/').slice(1);
        this.received.set(path, [...(this.received.get(path) ?? []), Buffer.concat(chunks).toString('utf8')]);
        res.writeHead(204).end();
      });
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  bodies(path: string): string[] {
    return this.received.get(path) ?? [];
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
