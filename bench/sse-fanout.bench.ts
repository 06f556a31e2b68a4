import { performance } from 'node:perf_hooks';
import { trackMemory, type Rounds } from './harness.js';
import { commandHeaders } from './http-headers.js';
import { ENGINE_MAIN, freePort, startServer, type ServerProcess } from './http-servers.js';
import { pairedFigure, type About, type BenchmarkResult } from './result.js';
import { logHead, round, type RoundResult } from './sse-fanout-round.js';
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
