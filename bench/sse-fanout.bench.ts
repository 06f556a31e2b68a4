import { performance } from 'node:perf_hooks';
import { trackMemory, type Rounds } from './harness.js';
import { commandHeaders } from './http-headers.js';
import { ENGINE_MAIN, freePort, startServer, type ServerProcess } from './http-servers.js';
import { pairedFigure, type About, type BenchmarkResult } from './result.js';
import { percentile, subscribe, type Subscriber } from './sse-fanout-subscribers.js';
import { tempDir } from './temp-dir.js';

export interface SseFanoutSizes extends Rounds {
  /** Subscribers of the fan-out side; the other side has one. */
  readonly subscribers: number;
  /** Events appended per second, one command each, at a steady pace. */
  readonly rate: number;
  /** How long each round appends. */
  readonly seconds: number;
}

export const sseFanoutAbout: About = {
  name: 'sse-fanout',
  title: 'SSE fan-out',
  measures:
    'The built engine (`dist/apps/api/src/main.js`) in a process of its own with N clients of ' +
    '`GET /api/events/stream` (real HTTP, each signed as the Secretariat) opened at the head of the log; ' +
    'commands (`DefineMeetingSeries`, one event each) are sent at a steady rate and every client must ' +
    'receive every event, in order and once. Latency is commit to delivery: from the event’s ' +
    '`metadata.recordedAt` (stamped by the engine as it appends) to its arrival at the client, on the ' +
    'same host clock (1 ms resolution); p50 and p99 over every delivery of the round. Throughput is ' +
    'deliveries (events × clients) per second from the first commit to the last arrival.',
  baseline: 'The same engine, the same appends, with one client: the ratios say what 100 clients cost.',
};

interface RoundResult {
  readonly p50: number;
  readonly p99: number;
  readonly deliveriesPerSecond: number;
  readonly deliveries: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function logHead(url: string): Promise<number> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const response = await fetch(`${url}/health/ready`);
    const body = (await response.json()) as { headPosition?: number };
    if (response.status === 200 && typeof body.headPosition === 'number') return body.headPosition;
    if (Date.now() > deadline)
      throw new Error(`sse-fanout: the engine is not ready: ${JSON.stringify(body)}`);
    await sleep(100);
  }
}

/**
 * Sends one command; resolves with the position of its event. A connection lost on the way is
 * retried with the same Idempotency-Key, so the engine answers a retry with the first reply.
 */
async function append(url: string, headers: Record<string, string>, seriesId: string): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    let response: Response;
    try {
      response = await fetch(`${url}/api/commands/DefineMeetingSeries`, {
        method: 'POST',
        headers: { ...headers, 'idempotency-key': `sse-fanout.${seriesId}` },
        body: JSON.stringify({ seriesId, title: { en: `Fan-out series ${seriesId}` }, domain: 'fan-out' }),
      });
    } catch (error) {
      if (attempt < 3) continue;
      throw error;
    }
    const reply = (await response.json()) as { position?: number };
    if (response.status !== 200 || typeof reply.position !== 'number')
      throw new Error(
        `sse-fanout: DefineMeetingSeries answered ${response.status}: ${JSON.stringify(reply)}`,
      );
    return reply.position;
  }
}

/** Every client has every position, in log order and once; throws after `timeoutMs` otherwise. */
async function delivered(clients: readonly Subscriber[], positions: readonly number[], timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (clients.some((c) => c.order.length < positions.length)) {
    if (Date.now() > deadline) {
      const short = clients.filter((c) => c.order.length < positions.length).length;
      throw new Error(
        `sse-fanout: ${short} of ${clients.length} clients missed events after ${timeoutMs} ms`,
      );
    }
    await sleep(5);
  }
  const expected = JSON.stringify([...positions].sort((a, b) => a - b));
  for (const client of clients) {
    if (JSON.stringify(client.order) !== expected)
      throw new Error(`sse-fanout: a client received ${client.order.length} events out of order or twice`);
  }
}

async function round(
  url: string,
  headers: Record<string, string>,
  clients: number,
  sizes: SseFanoutSizes,
  tag: string,
): Promise<RoundResult> {
  const head = await logHead(url);
  const subscribers = await subscribe(url, headers, `after=${head}&types=MeetingSeriesDefined`, clients);
  try {
    const total = Math.max(1, Math.round(sizes.rate * sizes.seconds));
    const positions: number[] = [];
    const inFlight: Promise<void>[] = [];
    const start = performance.now();
    for (let i = 0; i < total; i++) {
      const wait = start + (i * 1000) / sizes.rate - performance.now();
      if (wait > 0) await sleep(wait);
      inFlight.push(append(url, headers, `${tag}-${i}`).then((position) => void positions.push(position)));
    }
    await Promise.all(inFlight);
    await delivered(subscribers, positions, 60_000);
    const latencies: number[] = [];
    let firstCommit = Number.POSITIVE_INFINITY;
    let lastArrival = 0;
    for (const client of subscribers) {
      for (const position of positions) {
        const recorded = client.recorded.get(position)!;
        const arrived = client.arrivals.get(position)!;
        latencies.push(arrived - recorded);
        firstCommit = Math.min(firstCommit, recorded);
        lastArrival = Math.max(lastArrival, arrived);
      }
    }
    latencies.sort((a, b) => a - b);
    const deliveries = latencies.length;
    // Each side at least 1 ms: a median that rounds to 0 ms would make the ratio meaningless.
    return {
      p50: Math.max(1, percentile(latencies, 0.5)),
      p99: Math.max(1, percentile(latencies, 0.99)),
      deliveriesPerSecond: deliveries / (Math.max(1, lastArrival - firstCommit) / 1000),
      deliveries,
    };
  } finally {
    for (const subscriber of subscribers) subscriber.close();
  }
}

export async function runSseFanoutBenchmark(sizes: SseFanoutSizes): Promise<BenchmarkResult> {
  const dir = tempDir('sse-fanout');
  const memory = trackMemory();
  const started = performance.now();
  let engine: ServerProcess | undefined;
  const samples = {
    many: [] as RoundResult[],
    one: [] as RoundResult[],
  };
  try {
    const dataDir = dir.file('engine-data');
    const port = await freePort();
    engine = await startServer(
      ENGINE_MAIN,
      [],
      { PORT: String(port), HOST: '127.0.0.1', KURULTAI_DATA_DIR: dataDir, KURULTAI_LOG_LEVEL: 'error' },
      port,
    );
    await logHead(engine.url);
    const headers = await commandHeaders(dataDir);
    for (let r = 0; r < sizes.warmup + sizes.rounds; r++) {
      // ABBA: which side goes first alternates, so drift of the machine hits both alike.
      const order = r % 2 === 0 ? (['many', 'one'] as const) : (['one', 'many'] as const);
      for (const side of order) {
        const clients = side === 'many' ? sizes.subscribers : 1;
        const result = await round(engine.url, headers, clients, sizes, `r${r}-${side}`);
        if (r >= sizes.warmup) samples[side].push(result);
      }
    }
  } finally {
    await engine?.stop();
    dir.remove();
  }
  const labels = { engine: `${sizes.subscribers} subscribers`, baseline: '1 subscriber' };
  const of = (pick: (r: RoundResult) => number) => ({
    engine: samples.many.map(pick),
    baseline: samples.one.map(pick),
  });
  const events = Math.max(1, Math.round(sizes.rate * sizes.seconds));
  return {
    ...sseFanoutAbout,
    sizes: { ...sizes },
    figures: [
      pairedFigure(
        'commit-to-delivery p50',
        'ms',
        'lower',
        labels,
        of((r) => r.p50),
      ),
      pairedFigure(
        'commit-to-delivery p99',
        'ms',
        'lower',
        labels,
        of((r) => r.p99),
      ),
      pairedFigure(
        'delivery throughput',
        'deliveries/s',
        'higher',
        labels,
        of((r) => r.deliveriesPerSecond),
      ),
    ],
    checks: {
      deliveriesPerRoundMany: samples.many[0]?.deliveries ?? 0,
      deliveriesPerRoundOne: samples.one[0]?.deliveries ?? 0,
      expectedMany: events * sizes.subscribers,
      expectedOne: events,
    },
    memory: memory(),
    durationMs: performance.now() - started,
  };
}
