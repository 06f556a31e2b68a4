import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { headersFor, SECRETARIAT, type Caller } from './engine.js';

export const ROOT = join(__dirname, '..', '..');
export const MAIN = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');

/** The built engine (`npm run build`), as `npm start` runs it, in a process of its own. */
export interface EngineProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** The data folder (KURULTAI_DATA_DIR, else ./data under the repository). */
  readonly dataDir: string;
  readonly env: Record<string, string>;
  /** `fetch` on the engine, signed as the Secretariat unless `caller` (or an authorization header) says otherwise. */
  fetch(path: string, init?: RequestInit, caller?: Caller): Promise<Response>;
  output(): string;
  exited(): Promise<number | null>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export function spawnEngine(env: Record<string, string>, port: number): EngineProcess {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first`);
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      KURULTAI_LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const dataDir = resolve(ROOT, env.KURULTAI_DATA_DIR ?? 'data');
  const identity = { dataDir, env };
  return {
    child,
    url,
    dataDir,
    env,
    // The engine writes its local key on start: sign once it is live (see waitUntilLive).
    fetch: async (path, init = {}, caller = SECRETARIAT) =>
      fetch(url + path, {
        ...init,
        headers: { ...(await headersFor(identity, caller)), ...(init.headers as Record<string, string>) },
      }),
    output: () => output,
    exited: () => exit,
  };
}

/** Polls until the engine answers `/health/live`, or fails after `timeoutMs`. */
export async function waitUntilLive(engine: EngineProcess, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (engine.child.exitCode !== null) throw new Error(`engine exited: ${engine.output()}`);
    try {
      if ((await fetch(`${engine.url}/health/live`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`engine did not start: ${engine.output()}`);
}
