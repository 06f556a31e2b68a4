import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../apps/api/src/config.js';
import { createApp } from '../../apps/api/src/create-app.js';

export interface RunningEngine {
  readonly url: string;
  readonly dataDir: string;
  readonly app: NestFastifyApplication;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Reply>;
  get(path: string): Promise<Reply>;
  close(options?: { keepData?: boolean }): Promise<void>;
}

export interface Reply {
  readonly status: number;
  readonly contentType: string;
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read any JSON
}

/** Starts the real engine on a free port over real HTTP, with its data in a fresh folder. */
export async function startEngine(
  env: Record<string, string> = {},
  dataDir?: string,
): Promise<RunningEngine> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'kurultai-e2e-'));
  const config = loadConfig({ KURULTAI_DATA_DIR: dir, KURULTAI_LOG_LEVEL: 'fatal', ...env });
  const app = await createApp(config, {}, false);
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const raw = typeof body === 'string' ? body : body === undefined ? undefined : JSON.stringify(body);
    const response = await fetch(url + path, {
      method,
      headers: raw === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: raw,
    });
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    return {
      status: response.status,
      contentType,
      body: contentType.includes('json') ? JSON.parse(text) : text,
    };
  };
  return {
    url,
    dataDir: dir,
    app,
    post: (path, body, headers) => call('POST', path, body, headers),
    get: (path) => call('GET', path),
    close: async ({ keepData = false } = {}) => {
      await app.close();
      if (!keepData) rmSync(dir, { recursive: true, force: true });
    },
  };
}
