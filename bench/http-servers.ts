import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The build (`npm run build`): this file runs from dist/bench, or from bench/ under the tests. */
const HERE = dirname(fileURLToPath(import.meta.url));
const DIST = basename(dirname(HERE)) === 'dist' ? dirname(HERE) : join(HERE, '..', 'dist');
export const ENGINE_MAIN = join(DIST, 'apps', 'api', 'src', 'main.js');
export const BARE_SERVER = join(DIST, 'bench', 'http-bare-server.js');

/** A server the benchmark started in a process of its own, so that it does not share the load generator's event loop. */
export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
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

/** Starts `node script args` with `env`, and waits until it answers `/health/live`. */
export async function startServer(
  script: string,
  args: readonly string[],
  env: Record<string, string>,
  port: number,
): Promise<ServerProcess> {
  const child = spawn(process.execPath, [script, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const server: ServerProcess = {
    url,
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}: ${output}`);
    try {
      if ((await fetch(`${url}/health/live`)).ok) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`${script} did not start in 30 s: ${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
