import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '#event-store';
import { ProblemDetailsFilter, strictValidationPipe } from '#eventsourcing';
import { AppModule } from '../../apps/api/src/app.module.js';
import { loadConfig } from '../../apps/api/src/config.js';
import { releaseTestStore, testStoreEnv } from '../esdb/test-store.js';
import { importScenario } from '../../apps/api/src/scenario/import-scenario.js';
import { loadScenario } from '../../apps/api/src/scenario/scenario.js';
import { SseParser, type DeliveryOptions, type SseMessage, type SseProbeSample } from '#delivery';
import { headersFor, SECRETARIAT } from '../support/engine.js';

const FILE = join(__dirname, '..', '..', 'scenarios', 'ots-diaspora-2022-2025.json');
const MAX_BUFFERED = 256 * 1024;

/**
 * The engine with the feed's options a test needs (short timeouts, the probe), composed the way
 * createApp does (problem details, strict validation).
 */
@Module({})
class FeedHostModule {
  static forRoot(dataDir: string, delivery: DeliveryOptions, store: Record<string, string>): DynamicModule {
    const config = loadConfig({
      ...store,
      KURULTAI_DATA_DIR: dataDir,
      KURULTAI_LOG_LEVEL: 'fatal',
      KURULTAI_METRICS: 'off',
    });
    return { module: FeedHostModule, imports: [AppModule.forRoot(config, {}, { delivery })] };
  }
}

interface Engine {
  readonly url: string;
  readonly port: number;
  readonly app: NestFastifyApplication;
  readonly store: EventStore;
  get(path: string): Promise<{ status: number; contentType: string; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read any JSON
}

const samples: SseProbeSample[] = [];
/** The feed is for identified callers: this file reads it as a downstream service (public items). */
let auth: Record<string, string> = {};
let secretariat: Record<string, string> = {};

async function start(dataDir: string): Promise<Engine> {
  const store = await testStoreEnv(dataDir);
  const app = await NestFactory.create<NestFastifyApplication>(
    FeedHostModule.forRoot(
      dataDir,
      {
        heartbeatMs: 100,
        maxBufferedBytes: MAX_BUFFERED,
        drainTimeoutMs: 300,
        closeGraceMs: 60_000,
        probe: (sample) => samples.push(sample),
      },
      store,
    ),
    new FastifyAdapter(),
    { logger: false },
  );
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(strictValidationPipe());
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  auth = await headersFor({ dataDir }, { role: 'service', sub: 'feed-reader' });
  secretariat = await headersFor({ dataDir }, SECRETARIAT);
  return {
    url,
    port: Number(new URL(url).port),
    app,
    store: app.get<EventStore>(EVENT_STORE),
    get: async (path) => {
      const response = await fetch(url + path, { headers: auth });
      const text = await response.text();
      const contentType = response.headers.get('content-type') ?? '';
      return {
        status: response.status,
        contentType,
        body: contentType.includes('json') ? JSON.parse(text) : text,
      };
    },
  };
}

/** A tiny Server-Sent Events client over http.get. */
interface FeedClient {
  readonly messages: SseMessage[];
  /** Comment lines received (heartbeats). */
  readonly comments: () => number;
  readonly status: Promise<number>;
  readonly ended: Promise<void>;
  /** Resolves once a message satisfies `done` (or rejects when the stream ends first). */
  until(done: (messages: SseMessage[]) => boolean): Promise<void>;
  close(): void;
}

function follow(url: string, path: string, headers: Record<string, string> = {}): FeedClient {
  const messages: SseMessage[] = [];
  const parser = new SseParser();
  const waiters: (() => void)[] = [];
  let finished = false;
  let response: IncomingMessage | undefined;
  let stop: () => void = () => undefined;
  let comments = 0;
  let setStatus: (status: number) => void = () => undefined;
  const status = new Promise<number>((resolve) => (setStatus = resolve));
  const ended = new Promise<void>((resolve) => {
    const request = get(url + path, { headers: { ...auth, ...headers } }, (res) => {
      response = res;
      setStatus(res.statusCode ?? 0);
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        comments += chunk.split('\n').filter((line) => line.startsWith(': heartbeat')).length;
        messages.push(...parser.push(chunk));
        for (const waiter of [...waiters]) waiter();
      });
      res.on('close', () => {
        finished = true;
        for (const waiter of [...waiters]) waiter();
        resolve();
      });
    });
    request.on('error', () => {
      finished = true;
      for (const waiter of [...waiters]) waiter();
      resolve();
    });
    stop = () => {
      response?.destroy();
      request.destroy();
    };
  });
  return {
    messages,
    comments: () => comments,
    status,
    ended,
    until: (done) =>
      new Promise<void>((resolve, reject) => {
        const check = (): void => {
          if (done(messages)) {
            waiters.splice(waiters.indexOf(check), 1);
            resolve();
          } else if (finished) {
            waiters.splice(waiters.indexOf(check), 1);
            reject(new Error(`the stream ended after ${messages.length} messages`));
          }
        };
        waiters.push(check);
        check();
      }),
    close: () => stop(),
  };
}

const positions = (messages: readonly SseMessage[]) =>
  messages.filter((m) => m.id !== undefined).map((m) => Number(m.id));
const lastId = (messages: readonly SseMessage[]) => positions(messages).at(-1) ?? 0;

const probeEvent = (
  n: number,
  visibility: 'public' | 'internal' = 'public',
  padding = 0,
  extra: Record<string, unknown> = {},
) => ({
  id: randomUUID(),
  type: 'FeedProbeRecorded',
  schemaVersion: 1,
  data: { n, ...extra, ...(padding ? { padding: 'p'.repeat(padding) } : {}) },
  metadata: {
    actor: { id: 'feed-test', role: 'system' as const },
    commandId: randomUUID(),
    correlationId: randomUUID(),
    causationId: null,
    occurredAt: new Date().toISOString(),
    recordedAt: new Date().toISOString(),
    visibility,
  },
});

describe('the event feed', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kurultai-feed-'));
  let engine: Engine;
  /** Every public event of the log, as the feed must give it. */
  let publicLog: () => Promise<RecordedEvent[]>;
  let appended = 0;
  const append = async (
    count: number,
    visibility: 'public' | 'internal' = 'public',
    padding = 0,
    extra: Record<string, unknown> = {},
  ) => {
    const events = Array.from({ length: count }, () => probeEvent(++appended, visibility, padding, extra));
    return engine.store.append(`feedprobe-${randomUUID()}`, events);
  };

  beforeAll(async () => {
    engine = await start(dataDir);
    const scenario = await loadScenario(FILE);
    await importScenario({ url: engine.url, token: secretariat.authorization!.slice(7) }, scenario);
    // Something the public must not see.
    await append(2, 'internal');
    publicLog = async () => (await engine.store.readAll()).filter((e) => e.metadata.visibility === 'public');
  }, 120_000);
  afterAll(async () => {
    await engine.app.close();
    rmSync(dataDir, { recursive: true, force: true });
    await releaseTestStore(dataDir);
  });

  describe('GET /api/events', () => {
    it('pages through the whole log with after/next: every public event once, in order', async () => {
      const all = await publicLog();
      expect(all.length).toBeGreaterThan(100);
      const seen: RecordedEvent[] = [];
      let after = 0;
      let pages = 0;
      for (;;) {
        const page = await engine.get(`/api/events?after=${after}&limit=37`);
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(37);
        seen.push(...page.body.items);
        pages++;
        if (page.body.next === null) break;
        after = page.body.next.after;
      }
      expect(pages).toBeGreaterThan(2);
      expect(seen).toEqual(all.map((e) => ({ ...e })));
      const head = (await engine.store.head()).position;
      expect((await engine.get('/api/events?limit=1')).body).toMatchObject({
        head,
        next: { after: all[0].position },
      });
    });

    it('filters by types and categories in the store, and by state', async () => {
      const all = await publicLog();
      const types = (await engine.get('/api/events?types=PlanAdopted,DecisionRecorded&limit=1000')).body;
      expect(types.items.map((e: RecordedEvent) => e.position)).toEqual(
        all.filter((e) => ['PlanAdopted', 'DecisionRecorded'].includes(e.type)).map((e) => e.position),
      );
      expect(new Set(types.items.map((e: RecordedEvent) => e.type))).toEqual(
        new Set(['PlanAdopted', 'DecisionRecorded']),
      );
      const plans = (await engine.get('/api/events?category=plan,protocol&limit=1000')).body;
      expect(plans.items.length).toBeGreaterThan(0);
      expect(plans.items.map((e: RecordedEvent) => e.position)).toEqual(
        all.filter((e) => /^(plan|protocol)-/.test(e.stream)).map((e) => e.position),
      );
      const both = (await engine.get('/api/events?category=plan&types=PlanAdopted')).body;
      expect(both.items.length).toBeGreaterThan(0);
      expect(
        both.items.every((e: RecordedEvent) => e.type === 'PlanAdopted' && e.stream.startsWith('plan-')),
      ).toBe(true);

      const hu = (await engine.get('/api/events?state=HU&limit=1000')).body;
      expect(hu.items.length).toBeGreaterThan(0);
      expect(hu.items.length).toBeLessThan(all.length);
      for (const event of hu.items) expect(JSON.stringify(event)).toContain('"HU"');
      expect(hu.items.some((e: RecordedEvent) => e.stream === 'state-HU')).toBe(true);
      // Paging a sparse filter still returns every match once.
      const paged: number[] = [];
      let next: { after: number } | null = { after: 0 };
      while (next) {
        const page: { items: RecordedEvent[]; next: { after: number } | null } = (
          await engine.get(`/api/events?state=HU&limit=3&after=${next.after}`)
        ).body;
        paged.push(...page.items.map((e) => e.position));
        next = page.next;
      }
      expect(paged).toEqual(hu.items.map((e: RecordedEvent) => e.position));
    });

    it('refuses bad parameters with problem details', async () => {
      for (const query of [
        'limit=1001',
        'limit=0',
        'limit=ten',
        'after=-1',
        'after=1.5',
        'after=',
        'types=',
        'types=Plan Adopted',
        'category=Plan',
        'state=uz',
        'state=UZB',
        'unknown=1',
      ]) {
        const reply = await engine.get(`/api/events?${query}`);
        expect([query, reply.status]).toEqual([query, 400]);
        expect(reply.contentType).toContain('application/problem+json');
        expect(reply.body).toMatchObject({ type: 'urn:kurultai:problem:validation', status: 400 });
        expect(reply.body.errors[0].field).toBe(query.split('=')[0]);
      }
      const stream = await engine.get('/api/events/stream?limit=5');
      expect(stream.status).toBe(400);
      const header = await fetch(`${engine.url}/api/events/stream`, {
        headers: { ...auth, 'last-event-id': 'abc' },
      });
      expect(header.status).toBe(400);
      expect(((await header.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe(
        'Last-Event-ID',
      );
    });
  });

  describe('GET /api/events/stream', () => {
    it('sends catch-up then live events, in order, exactly once, with heartbeats', async () => {
      const client = follow(engine.url, '/api/events/stream');
      expect(await client.status).toBe(200);
      const before = await publicLog();
      await client.until((m) => lastId(m) >= before.at(-1)!.position);
      const { position } = await append(3);
      await append(1, 'internal');
      const { position: last } = await append(2);
      await client.until((m) => lastId(m) >= last);
      const all = await publicLog();
      expect(positions(client.messages)).toEqual(all.map((e) => e.position));
      expect(all.some((e) => e.position === position)).toBe(true);
      const firstMessage = client.messages[0]!;
      expect(firstMessage.event).toBe(all[0]!.type);
      expect(JSON.parse(firstMessage.data)).toEqual({ ...all[0] });
      await client.until(() => client.comments() > 0);
      client.close();
      await client.ended;
    });

    it('resumes with Last-Event-ID (winning over after) without gaps or duplicates, with filters', async () => {
      const all = await publicLog();
      const cut = all[Math.floor(all.length / 2)]!.position;
      const client = follow(engine.url, '/api/events/stream?after=1', { 'last-event-id': String(cut) });
      await client.until((m) => lastId(m) >= all.at(-1)!.position);
      expect(positions(client.messages)).toEqual(all.filter((e) => e.position > cut).map((e) => e.position));
      client.close();

      const filtered = follow(engine.url, '/api/events/stream?types=FeedProbeRecorded&state=HU');
      const hu = follow(engine.url, '/api/events/stream?state=HU&category=state');
      await append(1);
      const { position: aboutHu } = await append(1, 'public', 0, { hostState: 'HU' });
      await filtered.until((m) => lastId(m) >= aboutHu);
      const stateHu = all.filter((e) => e.stream === 'state-HU').map((e) => e.position);
      await hu.until((m) => lastId(m) >= stateHu.at(-1)!);
      expect(positions(hu.messages)).toEqual(stateHu);
      const probesAboutHu = (await publicLog())
        .filter((e) => e.type === 'FeedProbeRecorded' && e.data.hostState === 'HU')
        .map((e) => e.position);
      expect(positions(filtered.messages)).toEqual(probesAboutHu);
      expect(probesAboutHu.at(-1)).toBe(aboutHu);
      filtered.close();
      hu.close();
    });

    it('resumes after an engine restart in the middle of a session, skipping nothing', async () => {
      const client = follow(engine.url, '/api/events/stream');
      await client.until((m) => lastId(m) > 0);
      await append(5);
      // The engine stops while the feed may still be writing.
      const stopping = engine.app.close();
      await append(3).catch(() => undefined);
      await stopping;
      await client.ended;
      engine = await start(dataDir);
      await append(4);
      const resumed = follow(engine.url, '/api/events/stream', {
        'last-event-id': String(lastId(client.messages)),
      });
      const all = await publicLog();
      await resumed.until((m) => lastId(m) >= all.at(-1)!.position);
      expect([...positions(client.messages), ...positions(resumed.messages)]).toEqual(
        all.map((e) => e.position),
      );
      resumed.close();
    });

    it('sends overflow to a client that stops reading and closes, never buffering more than the bound', async () => {
      const { position: head } = await engine.store.head();
      const opened = samples.length;
      const socket = connect(engine.port, '127.0.0.1');
      const chunks: Buffer[] = [];
      let closed = false;
      socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      socket.on('close', () => (closed = true));
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      socket.pause(); // reads nothing from now on: the server's writes pile up
      socket.write(
        `GET /api/events/stream?after=${head} HTTP/1.1\r\nHost: localhost\r\nAuthorization: ${auth.authorization}\r\n\r\n`,
      );
      const overflowed = () => samples.slice(opened).find((s) => s.kind === 'overflow');
      let lastAppended = head;
      // Append 1 MiB at a time until the server gives up on this client; wait, between batches,
      // until the server has either written the batch (the kernel took it) or overflowed.
      for (let batch = 0; batch < 200 && !overflowed(); batch++) {
        lastAppended = (await append(16, 'public', 64 * 1024)).position;
        await waitFor(
          () =>
            overflowed() !== undefined || samples.slice(opened).some((s) => s.lastEventId === lastAppended),
        );
      }
      const overflow = overflowed();
      expect(overflow).toBeDefined();
      const session = samples.slice(opened).filter((s) => s.session === overflow!.session);
      expect(Math.max(...session.map((s) => s.writableLength))).toBeLessThanOrEqual(MAX_BUFFERED);

      socket.resume();
      await waitFor(() => closed);
      const text = Buffer.concat(chunks).toString('utf8');
      expect(text).toMatch(/^HTTP\/1\.1 200/);
      const body = text.slice(text.indexOf('\r\n\r\n') + 4);
      const messages = new SseParser().push(body);
      const last = messages.at(-1)!;
      expect(last.event).toBe('overflow');
      const notice = JSON.parse(last.data);
      expect(notice).toMatchObject({ reason: 'slow-consumer', lastEventId: overflow!.lastEventId });
      expect(lastId(messages)).toBe(notice.lastEventId);
      expect(notice.resumeAfter).toBe(notice.lastEventId);
      // The rest is there for the taking.
      const resumed = follow(engine.url, `/api/events/stream?types=FeedProbeRecorded`, {
        'last-event-id': String(notice.resumeAfter),
      });
      await resumed.until((m) => lastId(m) >= lastAppended);
      expect(positions(resumed.messages)[0]).toBeGreaterThan(notice.resumeAfter);
      resumed.close();
    }, 120_000);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}
