import { get } from 'node:http';
import { join } from 'node:path';
import { importScenario } from '../../apps/api/src/scenario/import-scenario.js';
import { loadScenario } from '../../apps/api/src/scenario/scenario.js';
import { EsdbEventStore } from '../../libs/event-store/src/esdb/esdb-event-store.js';
import { EsdbProtocolDouble } from '../../libs/event-store/src/esdb/testing/esdb-protocol-double.js';
import { SseParser, type SseMessage } from '#delivery';
import { startEngine, type RunningEngine } from '../support/engine.js';

const FILE = join(__dirname, '..', '..', 'scenarios', 'ots-diaspora-2022-2025.json');
/** A real EventStoreDB/KurrentDB instead of the protocol double, e.g. `esdb://localhost:2113?tls=false`. */
const SERVER = process.env.KURULTAI_ESDB_CONNECTION_STRING;

/** What the read models answer, on either store, for the bundled scenario. */
const QUERIES = [
  '/api/plans',
  '/api/plans/diaspora-2023',
  '/api/plans/diaspora-2024',
  '/api/plans/diaspora-2025',
  '/api/plans/diaspora-2025?asOf=occurred:2025-06-30',
  '/api/calendar',
  '/api/protocols',
  '/api/protocols/matrix',
  '/api/decisions',
  '/api/decisions/diaspora-ministerial-6/adopt-plan-2025',
  '/api/states/AZ',
  '/api/states/UZ',
  '/api/states/HU',
  '/api/strategic-documents',
  '/api/audit/entities/plan-diaspora-2025',
  '/api/audit?limit=50',
  '/api/audit?type=PlanAdopted',
  '/api/audit/actors/process:decision-follow-through',
  '/api/processes',
  '/api/events?limit=500',
  '/api/events?limit=500&types=PlanAdopted,ActivityScheduled',
];

/**
 * Positions differ by store (EventStoreDB's are byte offsets), and each engine records its own
 * time and event ids: those are left out, everything else must be the same.
 */
function comparable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(comparable);
  if (value === null || typeof value !== 'object') {
    return typeof value === 'string' &&
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)
      ? '<event id>'
      : value;
  }
  return Object.fromEntries(
    Object.entries(value)
      .filter(
        ([key]) => !/(position|recordedAt)$/i.test(key) && !['head', 'after', 'updatedAt'].includes(key),
      )
      .map(([key, item]) => [key, comparable(item)]),
  );
}

/** The first `count` events of the engine's endless event stream (after `lastEventId`). */
function sse(engine: RunningEngine, count: number, lastEventId?: string): Promise<SseMessage[]> {
  const headers = {
    authorization: `Bearer ${engine.token}`,
    ...(lastEventId === undefined ? {} : { 'last-event-id': lastEventId }),
  };
  return new Promise((resolve, reject) => {
    const parser = new SseParser();
    const messages: SseMessage[] = [];
    const request = get(`${engine.url}/api/events/stream`, { headers }, (response) => {
      if (response.statusCode !== 200) reject(new Error(`the stream answered ${response.statusCode}`));
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        messages.push(...parser.push(chunk).filter((message) => message.id !== undefined));
        if (messages.length < count) return;
        response.destroy();
        request.destroy();
        resolve(messages.slice(0, count));
      });
      response.on('end', () => reject(new Error(`the stream ended after ${messages.length} events`)));
    });
    request.on('error', (error) => {
      if (messages.length < count) reject(error);
    });
  });
}

/** An SSE message without what differs by store (its id is the position). */
const payload = (message: SseMessage) => ({
  event: message.event,
  data: comparable(JSON.parse(message.data)),
});

describe(`the engine on EventStoreDB (${SERVER ? `server at ${SERVER}` : 'the protocol double'}) answers as on SQLite`, () => {
  let double: EsdbProtocolDouble | undefined;
  let onSqlite: RunningEngine;
  let onEsdb: RunningEngine;
  const heads = new Map<RunningEngine, number>();
  let steps = 0;

  beforeAll(async () => {
    if (!SERVER) double = await EsdbProtocolDouble.start();
    onSqlite = await startEngine({ KURULTAI_STORE: 'sqlite' });
    onEsdb = await startEngine({
      KURULTAI_STORE: 'esdb',
      KURULTAI_ESDB_CONNECTION_STRING: SERVER ?? double!.connectionString,
    });
    const scenario = await loadScenario(FILE);
    steps = scenario.steps.length;
    for (const engine of [onSqlite, onEsdb]) {
      const summary = await importScenario(engine, scenario);
      expect(summary.recorded + summary.replayed).toBe(scenario.steps.length);
      heads.set(engine, summary.headPosition);
    }
  }, 180_000);
  afterAll(async () => {
    await Promise.all([onSqlite?.close(), onEsdb?.close()]);
    await double?.stop();
  });

  it('records the scenario in EventStoreDB', async () => {
    const server = await EsdbEventStore.open(SERVER ?? double!.connectionString);
    try {
      const events = await server.readAll({ filter: { categories: ['plan'] } });
      expect(
        events.filter((event) => event.stream === 'plan-diaspora-2025').map((event) => event.type),
      ).toContain('PlanAdopted');
    } finally {
      await server.close();
    }
  });

  it.each(QUERIES)('GET %s', async (path) => {
    // The log's own pages take no minPosition: they read the store, not the read models.
    const at = (engine: RunningEngine) =>
      path.startsWith('/api/events')
        ? path
        : `${path}${path.includes('?') ? '&' : '?'}minPosition=${heads.get(engine)}`;
    const [sqlite, esdb] = await Promise.all([onSqlite.get(at(onSqlite)), onEsdb.get(at(onEsdb))]);
    expect(sqlite.status).toBe(200);
    expect(esdb.status).toBe(200);
    expect(JSON.stringify(sqlite.body).length).toBeGreaterThan(50);
    expect(comparable(esdb.body)).toEqual(comparable(sqlite.body));
  });

  it('streams the same events as Server-Sent Events, and resumes after the same one', async () => {
    const first = await Promise.all([sse(onSqlite, 60), sse(onEsdb, 60)]);
    expect(first[1].map(payload)).toEqual(first[0].map(payload));
    // Resuming from the 30th event's id gives the 31st onwards, on each store with its own ids.
    const resumed = await Promise.all([sse(onSqlite, 10, first[0][29].id), sse(onEsdb, 10, first[1][29].id)]);
    expect(resumed[0].map(payload)).toEqual(first[0].slice(30, 40).map(payload));
    expect(resumed[1].map(payload)).toEqual(resumed[0].map(payload));
  });

  it('holds the same events in every stream, the process manager’s included', async () => {
    const streams = async (engine: RunningEngine) => {
      const store = engine.app.get(Symbol.for('kurultai.EventStore'));
      const events: { stream: string; revision: number; type: string }[] = await store.readAll();
      return events.map((event) => `${event.stream}@${event.revision} ${event.type}`).sort();
    };
    const sqlite = await streams(onSqlite);
    expect(sqlite.length).toBeGreaterThan(steps);
    const esdb = await streams(onEsdb);
    // A real server may hold other tests' streams too.
    expect(SERVER ? esdb.filter((line) => sqlite.includes(line)) : esdb).toEqual(sqlite);
  });
});
