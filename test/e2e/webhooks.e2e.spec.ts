import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '#event-store';
import { ProblemDetailsFilter, strictValidationPipe } from '#eventsourcing';
import { AppModule } from '../../apps/api/src/app.module.js';
import { loadConfig } from '../../apps/api/src/config.js';
import { headersFor } from '../support/engine.js';

const SECRET = 'kurultai-webhook-secret-0123456789abcdef';

/**
 * The engine with the webhook options a test needs (short retries, private targets allowed), over
 * real HTTP.
 */
@Module({})
class WebhooksHostModule {
  static forRoot(dataDir: string, allowPrivateTargets: boolean): DynamicModule {
    const config = loadConfig({ KURULTAI_DATA_DIR: dataDir, KURULTAI_LOG_LEVEL: 'fatal' });
    return {
      module: WebhooksHostModule,
      imports: [
        AppModule.forRoot(
          config,
          {},
          {
            webhooks: {
              dataDir,
              allowPrivateTargets,
              retry: { baseMs: 5, capMs: 40, maxAttempts: 3 },
              timeoutMs: 1_000,
            },
          },
        ),
      ],
    };
  }
}

interface Engine {
  readonly app: NestFastifyApplication;
  readonly store: EventStore;
  call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  close(): Promise<void>;
}

async function startEngine(dataDir: string, allowPrivateTargets = true): Promise<Engine> {
  const app = await NestFactory.create<NestFastifyApplication>(
    WebhooksHostModule.forRoot(dataDir, allowPrivateTargets),
    new FastifyAdapter(),
    { logger: false },
  );
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(strictValidationPipe());
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    app,
    store: app.get<EventStore>(EVENT_STORE),
    call: async (method, path, body) => {
      // Subscriptions are managed by downstream services.
      const auth = await headersFor({ dataDir }, { role: 'service', sub: 'webhook-test' });
      const response = await fetch(url + path, {
        method,
        headers: body === undefined ? auth : { ...auth, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
    close: () => app.close(),
  };
}

/** Appends events directly to the log: `public` or `internal`, in streams of several categories. */
async function append(store: EventStore, items: [stream: string, visibility: 'public' | 'internal'][]) {
  for (const [stream, visibility] of items) {
    const now = new Date().toISOString();
    await store.append(stream, [
      {
        id: randomUUID(),
        type: visibility === 'public' ? 'TestFactRecorded' : 'TestNoteRecorded',
        schemaVersion: 1,
        data: { stream, note: 'Türkistan' },
        metadata: {
          actor: { id: 'test', role: 'system' },
          commandId: randomUUID(),
          correlationId: randomUUID(),
          causationId: null,
          occurredAt: now,
          recordedAt: now,
          visibility,
        },
      },
    ]);
  }
}

async function publicEvents(store: EventStore, after = 0): Promise<RecordedEvent[]> {
  return (await store.readAll({ after })).filter((e) => e.metadata.visibility === 'public');
}

interface Receipt {
  readonly id: string;
  readonly position: number;
  readonly attempt: number;
  readonly verified: boolean;
}
type Answer = 'ok' | 'fail' | 'hang';

/** A real receiver on 127.0.0.1: verifies the signature, answers as `behave` says, keeps what it took. */
class Receiver {
  readonly receipts: Receipt[] = [];
  requests = 0;
  private readonly server: Server;
  private hanging: ServerResponse[] = [];

  constructor(public behave: (request: number, receipt: Receipt) => Answer = () => 'ok') {
    this.server = createServer((req, res) => this.onRequest(req, res));
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  /** The ids in the order first taken, duplicates dropped, as a receiver would keep them. */
  kept(): string[] {
    const seen = new Set<string>();
    return this.receipts.filter((r) => !seen.has(r.id) && seen.add(r.id)).map((r) => r.id);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const body = JSON.parse(raw) as { id: string; position: number };
      const receipt: Receipt = {
        id: body.id,
        position: body.position,
        attempt: Number(req.headers['kurultai-delivery-attempt']),
        verified:
          req.headers['kurultai-event-id'] === body.id &&
          verify(SECRET, raw, req.headers['kurultai-timestamp'], req.headers['kurultai-signature']),
      };
      const answer = this.behave(++this.requests, receipt);
      if (answer === 'fail') {
        res.writeHead(500).end();
        return;
      }
      // A receiver that processes the event but answers too late: the engine will send it again.
      this.receipts.push(receipt);
      if (answer === 'hang') this.hanging.push(res);
      else res.writeHead(204).end();
    });
  }
}

/** The receiver's check from docs/webhooks.md: HMAC of "<timestamp>.<raw body>", at most 5 minutes old. */
function verify(secret: string, raw: string, timestamp: unknown, signature: unknown): boolean {
  if (typeof timestamp !== 'string' || !/^\d+$/.test(timestamp) || typeof signature !== 'string')
    return false;
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${timestamp}.${raw}`).digest();
  return signature
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.startsWith('v1='))
    .some((part) => {
      const given = Buffer.from(part.slice(3), 'hex');
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
}

/** Polls `condition` a bounded number of times (no timing assertion: the bound only ends a hang). */
async function eventually(
  condition: () => boolean | Promise<boolean>,
  what: string,
  tries = 400,
): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`never happened: ${what}`);
}

describe('webhook subscriptions over real HTTP', () => {
  const dirs: string[] = [];
  const fresh = () => {
    const dir = mkdtempSync(join(tmpdir(), 'kurultai-webhooks-e2e-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('delivers every public event in order through a failure, a timeout and an engine restart', async () => {
    const dir = fresh();
    let engine = await startEngine(dir);
    let held: (() => void) | null = null;
    const holding = new Promise<void>((resolve) => (held = resolve));
    let phase: 'flaky' | 'hold' | 'ok' = 'flaky';
    const receiver = new Receiver((n) => {
      if (phase === 'flaky') {
        if (n === 1) return 'fail';
        if (n === 2) return 'hang';
        if (new Set(receiver.receipts.map((r) => r.id)).size >= 4) {
          phase = 'hold';
          held?.();
          return 'hang';
        }
        return 'ok';
      }
      return phase === 'hold' ? 'hang' : 'ok';
    });
    const url = await receiver.start();
    try {
      await append(engine.store, [
        ['plan-a', 'public'],
        ['plan-a', 'internal'],
        ['meeting-m1', 'public'],
        ['plan-a', 'public'],
        ['state-kz', 'internal'],
        ['meeting-m1', 'public'],
        ['plan-b', 'public'],
        ['plan-b', 'public'],
        ['meeting-m2', 'internal'],
        ['plan-c', 'public'],
      ]);
      const created = await engine.call('POST', '/api/subscriptions', {
        id: 'ordered',
        url,
        secret: SECRET,
        filter: {},
        from: 0,
      });
      expect(created.status).toBe(201);
      expect(JSON.stringify(created.body)).not.toContain(SECRET);

      // The receiver holds a request: the engine is in the middle of a delivery. Restart it.
      await holding;
      await engine.close();
      phase = 'ok';
      engine = await startEngine(dir);
      await append(engine.store, [
        ['plan-d', 'public'],
        ['plan-d', 'internal'],
        ['meeting-m3', 'public'],
      ]);

      const expected = (await publicEvents(engine.store)).map((e) => e.id);
      expect(expected).toHaveLength(9);
      await eventually(() => receiver.kept().length === expected.length, 'all public events delivered');
      expect(receiver.kept()).toEqual(expected);
      expect(receiver.receipts.every((r) => r.verified)).toBe(true);
      // The first event: 500, then no answer in time, then taken on the third attempt.
      expect(receiver.receipts.filter((r) => r.id === expected[0]).map((r) => r.attempt)).toEqual([2, 3]);
      // Duplicates happened (the late answer, the restart) and the receiver dropped them.
      expect(receiver.receipts.length).toBeGreaterThan(expected.length);

      const head = (await engine.store.head()).position;
      await eventually(
        async () => (await engine.call('GET', '/api/subscriptions/ordered')).body.position === head,
        'checkpoint at the head',
      );
      const status = (await engine.call('GET', '/api/subscriptions/ordered')).body;
      expect(status).toMatchObject({
        id: 'ordered',
        state: 'active',
        position: head,
        lag: { events: 0, seconds: 0 },
        parked: 0,
        failures: { consecutive: 0 },
      });
      expect(status.failures.total).toBeGreaterThanOrEqual(2);
      expect(status.lastError.message).toMatch(/HTTP 500|timeout/);
      const list = await engine.call('GET', '/api/subscriptions');
      expect(list.body.items.map((s: { id: string }) => s.id)).toEqual(['ordered']);
      expect(JSON.stringify(list.body)).not.toContain(SECRET);
    } finally {
      await engine.close();
      await receiver.stop();
    }
  });

  it('parks events after the last attempt, moves on, and replays them in order after recovery', async () => {
    const engine = await startEngine(fresh());
    let down = true;
    const receiver = new Receiver(() => (down ? 'fail' : 'ok'));
    const url = await receiver.start();
    try {
      await append(engine.store, [['plan-before', 'public']]);
      const start = (await engine.store.head()).position;
      const created = await engine.call('POST', '/api/subscriptions', {
        id: 'parking',
        url,
        secret: SECRET,
        filter: { categories: ['plan'] },
      });
      expect(created.body).toMatchObject({ position: start, lag: { events: 0 } });
      await append(engine.store, [
        ['plan-x', 'public'],
        ['meeting-x', 'public'],
        ['plan-x', 'internal'],
        ['plan-y', 'public'],
        ['plan-z', 'public'],
      ]);
      const wanted = (await publicEvents(engine.store, start)).filter((e) => e.stream.startsWith('plan-'));
      expect(wanted).toHaveLength(3);

      await eventually(
        async () => (await engine.call('GET', '/api/subscriptions/parking/parked')).body.items.length === 3,
        'three events parked',
      );
      const parked = (await engine.call('GET', '/api/subscriptions/parking/parked')).body.items;
      expect(parked.map((p: { eventId: string }) => p.eventId)).toEqual(wanted.map((e) => e.id));
      expect(parked.every((p: { attempts: number }) => p.attempts === 3)).toBe(true);
      const status = (await engine.call('GET', '/api/subscriptions/parking')).body;
      expect(status).toMatchObject({ parked: 3, lastError: { message: 'HTTP 500' } });
      expect(receiver.receipts).toHaveLength(0);

      // Recovery: new events flow again, and the parked ones replay on demand, oldest first.
      down = false;
      await append(engine.store, [['plan-w', 'public']]);
      const live = (await engine.store.head()).position;
      await eventually(() => receiver.kept().length === 1, 'the live event delivered');
      const replay = await engine.call('POST', '/api/subscriptions/parking/parked/replay');
      expect(replay).toMatchObject({ status: 202, body: { replaying: 3 } });
      await eventually(() => receiver.kept().length === 4, 'the parked events replayed');
      expect((await engine.call('GET', '/api/subscriptions/parking/parked')).body.items).toEqual([]);
      expect(receiver.receipts.map((r) => r.position)).toEqual([live, ...wanted.map((e) => e.position)]);
      expect(receiver.receipts.every((r) => r.verified)).toBe(true);
    } finally {
      await engine.close();
      await receiver.stop();
    }
  });

  it('pauses and resumes from where it stood; deletes', async () => {
    const engine = await startEngine(fresh());
    const receiver = new Receiver();
    const url = await receiver.start();
    try {
      await engine.call('POST', '/api/subscriptions', { id: 'pausing', url, secret: SECRET });
      const paused = await engine.call('POST', '/api/subscriptions/pausing/pause');
      expect(paused).toMatchObject({ status: 200, body: { state: 'paused' } });
      await append(engine.store, [
        ['plan-p', 'public'],
        ['plan-q', 'public'],
      ]);
      const status = (await engine.call('GET', '/api/subscriptions/pausing')).body;
      expect(status).toMatchObject({ state: 'paused', lag: { events: 2 } });
      expect(receiver.receipts).toHaveLength(0);
      expect((await engine.call('POST', '/api/subscriptions/pausing/parked/replay')).status).toBe(409);

      const resumed = await engine.call('POST', '/api/subscriptions/pausing/resume');
      expect(resumed.body.state).toBe('active');
      await eventually(() => receiver.kept().length === 2, 'both events after resume');
      expect(receiver.kept()).toEqual((await publicEvents(engine.store)).map((e) => e.id));

      expect((await engine.call('DELETE', '/api/subscriptions/pausing')).status).toBe(204);
      expect((await engine.call('GET', '/api/subscriptions/pausing')).status).toBe(404);
    } finally {
      await engine.close();
      await receiver.stop();
    }
  });

  it('refuses targets in private and link-local ranges before any connection, and bad requests', async () => {
    const engine = await startEngine(fresh(), false);
    try {
      for (const url of [
        'http://10.0.0.1/hook',
        'http://169.254.169.254/latest/meta-data/',
        'http://127.0.0.1:9/hook',
        'http://[::1]/hook',
        'http://[fd00::1]/hook',
        'ftp://example.org/hook',
      ]) {
        const refused = await engine.call('POST', '/api/subscriptions', { id: 'nope', url, secret: SECRET });
        expect(refused.status).toBe(422);
        expect(refused.body).toMatchObject({
          type: 'urn:kurultai:problem:webhook-target-refused',
          errors: [{ field: 'url' }],
        });
      }
      expect((await engine.call('GET', '/api/subscriptions')).body.items).toEqual([]);

      const short = await engine.call('POST', '/api/subscriptions', {
        id: 'short',
        url: 'https://example.org/hook',
        secret: 'too-short',
      });
      expect(short.status).toBe(400);
      expect(short.body.errors[0].field).toBe('secret');
      const slug = await engine.call('POST', '/api/subscriptions', {
        id: 'Not A Slug',
        url: 'https://example.org/hook',
        secret: SECRET,
      });
      expect(slug.status).toBe(400);
      expect((await engine.call('GET', '/api/subscriptions/missing')).status).toBe(404);
    } finally {
      await engine.close();
    }
    // Even with private targets allowed, link-local (the metadata address) is refused.
    const lenient = await startEngine(fresh(), true);
    try {
      const metadata = await lenient.call('POST', '/api/subscriptions', {
        id: 'metadata',
        url: 'http://169.254.169.254/',
        secret: SECRET,
      });
      expect(metadata.status).toBe(422);
      const taken = { id: 'twice', url: 'http://127.0.0.1:9/hook', secret: SECRET };
      expect((await lenient.call('POST', '/api/subscriptions', { ...taken })).status).toBe(201);
      expect((await lenient.call('POST', '/api/subscriptions', taken)).status).toBe(409);
      await lenient.call('POST', '/api/subscriptions/twice/pause');
    } finally {
      await lenient.close();
    }
  });
});
