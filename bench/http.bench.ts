import autocannon, { type AutocannonResult } from 'autocannon';
import { performance } from 'node:perf_hooks';
import { compare, trackMemory, type Rounds, type Work } from './harness.js';
import { commandHeaders } from './http-headers.js';
import { BARE_SERVER, ENGINE_MAIN, freePort, startServer, type ServerProcess } from './http-servers.js';
import { mixedCommand, setUpWorld, type WorldSizes } from './http-world.js';
import { figure, type About, type BenchmarkResult, type Figure } from './result.js';
import { tempDir } from './temp-dir.js';

export interface HttpSizes extends Rounds, WorldSizes {
  /** Seconds each side is loaded for in one round. */
  readonly seconds: number;
  /** Concurrent connections of each figure. */
  readonly connections: readonly number[];
}

export const httpAbout: About = {
  name: 'http',
  title: 'HTTP commands',
  measures:
    'The built engine (`dist/apps/api/src/main.js`, embedded store, read models, process managers and ' +
    'delivery running) in a process of its own, loaded by autocannon over real HTTP with 1, 16 and 64 ' +
    'connections for a fixed time. A realistic mix, each request a new command: of every 8, 5 ' +
    '`ReportProgress` on started activities of an adopted plan, 2 `AddActivityToPlan` to draft plans, ' +
    '1 `DraftPlan`. The world is set up over HTTP beforehand. Only 2xx replies count.',
  baseline:
    'A bare Fastify server in a process of its own whose one route `POST /api/commands/:type` parses the ' +
    'same JSON bodies and replies with a JSON body shaped like the engine’s reply; no store.',
};

interface Tally {
  /** Replies by status code. */
  readonly statuses: Record<string, number>;
  ok: number;
  conflicts: number;
  otherNon2xx: number;
  serverErrors: number;
  errors: number;
}

/** Loads `server` for `seconds` with `connections`, each request the next command of the mix. */
async function load(
  server: ServerProcess,
  headers: Record<string, string>,
  sizes: HttpSizes,
  connections: number,
  run: number,
  tally: Tally,
): Promise<number> {
  let n = 0;
  const result: AutocannonResult = await autocannon({
    url: server.url,
    connections,
    duration: sizes.seconds,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        headers,
        setupRequest: (request) => {
          const { type, body } = mixedCommand(sizes, run, n++);
          return { ...request, path: `/api/commands/${type}`, body: JSON.stringify(body) };
        },
      },
    ],
  });
  for (const [status, { count }] of Object.entries(result.statusCodeStats))
    tally.statuses[status] = (tally.statuses[status] ?? 0) + Number(count);
  const conflicts = result.statusCodeStats['409']?.count ?? 0;
  tally.ok += result['2xx'];
  tally.conflicts += Number(conflicts);
  tally.otherNon2xx += result.non2xx - Number(conflicts);
  tally.serverErrors += result['5xx'];
  tally.errors += result.errors;
  return result['2xx'];
}

export async function runHttpBenchmark(sizes: HttpSizes): Promise<BenchmarkResult> {
  const dir = tempDir('http');
  const memory = trackMemory();
  const started = performance.now();
  const servers: ServerProcess[] = [];
  const figures: Figure[] = [];
  const engineTally: Tally = {
    statuses: {},
    ok: 0,
    conflicts: 0,
    otherNon2xx: 0,
    serverErrors: 0,
    errors: 0,
  };
  const bareTally: Tally = { statuses: {}, ok: 0, conflicts: 0, otherNon2xx: 0, serverErrors: 0, errors: 0 };
  let setupPosition: number;
  let headPosition: number;
  try {
    const dataDir = dir.file('engine-data');
    const enginePort = await freePort();
    const engine = await startServer(
      ENGINE_MAIN,
      [],
      {
        PORT: String(enginePort),
        HOST: '127.0.0.1',
        KURULTAI_DATA_DIR: dataDir,
        KURULTAI_LOG_LEVEL: 'error',
        // The engine with or without row history, as the environment of the run says (default on).
        ...(process.env.KURULTAI_ROW_HISTORY
          ? { KURULTAI_ROW_HISTORY: process.env.KURULTAI_ROW_HISTORY }
          : {}),
      },
      enginePort,
    );
    servers.push(engine);
    const barePort = await freePort();
    const bare = await startServer(BARE_SERVER, [String(barePort)], {}, barePort);
    servers.push(bare);
    const headers = await commandHeaders(dataDir);
    await setUpWorld(engine.url, headers, sizes);
    setupPosition = await logHead(engine.url, headers);
    let run = 0;
    for (const connections of sizes.connections) {
      const side = (server: ServerProcess, tally: Tally): Work => ({
        run: () => load(server, headers, sizes, connections, run++, tally),
      });
      const comparison = await compare(side(engine, engineTally), side(bare, bareTally), sizes);
      const name = connections === 1 ? '1 connection' : `${connections} connections`;
      const labels = { engine: 'engine over HTTP', baseline: 'bare Fastify JSON endpoint' };
      figures.push(figure(name, 'commands/s', labels, comparison));
    }
    headPosition = await logHead(engine.url, headers);
  } finally {
    for (const server of servers) await server.stop();
    dir.remove();
  }
  if (engineTally.serverErrors > 0 || engineTally.errors > 0 || engineTally.otherNon2xx > 0)
    throw new Error(`http: the engine failed requests: ${JSON.stringify(engineTally)}`);
  // Every accepted command wrote at least one event.
  if (headPosition - setupPosition < engineTally.ok)
    throw new Error(
      `http: ${engineTally.ok} commands accepted but ${headPosition - setupPosition} events written`,
    );
  return {
    ...httpAbout,
    sizes: { ...sizes, connections: Math.max(...sizes.connections) },
    figures,
    checks: {
      engineAccepted: engineTally.ok,
      engineConflicts: engineTally.conflicts,
      engineEventsWritten: headPosition - setupPosition,
      bareAnswered: bareTally.ok,
    },
    memory: memory(),
    durationMs: performance.now() - started,
  };
}

/** The log head once the read models have caught up with it (`/health/ready` says both). */
async function logHead(url: string, headers: Record<string, string>): Promise<number> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const response = await fetch(`${url}/health/ready`, { headers });
    const body = (await response.json()) as { headPosition?: number };
    if (response.status === 200 && typeof body.headPosition === 'number') return body.headPosition;
    if (Date.now() > deadline) throw new Error(`http: the engine is not ready: ${JSON.stringify(body)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
