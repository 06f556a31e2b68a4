import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueLocalToken, LOCAL_KEY_FILE, readLocalKey, type Role, type TokenRequest } from '#security';
import { loadConfig } from '../../apps/api/src/config.js';
import { createApp } from '../../apps/api/src/create-app.js';
import { releaseTestStore, testStoreEnv } from '../esdb/test-store.js';

/** Who a test request speaks for: a role (and state), nobody, or exactly the headers given. */
export type Caller =
  | { readonly role: Exclude<Role, 'anonymous'>; readonly state?: string | null; readonly sub?: string }
  | 'anonymous'
  | { readonly headers: Record<string, string> };

/** The default caller of the test helpers: a Secretariat officer, recorded as `local-operator`. */
export const SECRETARIAT: Caller = { role: 'secretariat', sub: 'local-operator' };

export interface CallingEngine {
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Reply>;
  get(path: string, headers?: Record<string, string>): Promise<Reply>;
  /** Any method, for the routes that are neither (DELETE). */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
}

export interface RunningEngine extends CallingEngine {
  readonly url: string;
  readonly dataDir: string;
  /**
   * A Secretariat token (`local-operator`), e.g. for `importScenario(engine, ...)`; empty when the
   * engine trusts an identity provider (`KURULTAI_AUTH_JWKS_*`) rather than its local key.
   */
  readonly token: string;
  /** The environment the engine was started with (beside the defaults). */
  readonly env: Record<string, string>;
  readonly app: NestFastifyApplication;
  /** The same calls as another caller (every call of `engine` itself is the Secretariat's). */
  as(caller: Caller): CallingEngine;
  close(options?: { keepData?: boolean }): Promise<void>;
}

export interface Reply {
  readonly status: number;
  readonly contentType: string;
  readonly headers: Headers;
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read any JSON
}

/** The engine's local signing key file, where `KURULTAI_AUTH_KEY_FILE` or the data folder puts it. */
export function localKeyFileOf(dataDir: string, env: Record<string, string> = {}): string {
  return env.KURULTAI_AUTH_KEY_FILE ?? join(dataDir, LOCAL_KEY_FILE);
}

/** A token signed with the engine's local key (the engine creates the key on its first start). */
export async function tokenFor(
  engine: { readonly dataDir: string; readonly env?: Record<string, string> },
  who: Omit<TokenRequest, 'sub' | 'role'> & { role: TokenRequest['role']; sub?: string },
): Promise<string> {
  const key = await readLocalKey(localKeyFileOf(engine.dataDir, engine.env));
  return issueLocalToken(key, {
    sub: who.sub ?? (who.role === 'focal-point' ? `focal-point-${who.state}` : `test-${who.role}`),
    ...who,
  });
}

/** The headers that make a request come from `caller`. */
export async function headersFor(
  engine: { readonly dataDir: string; readonly env?: Record<string, string> },
  caller: Caller,
): Promise<Record<string, string>> {
  if (caller === 'anonymous') return {};
  if ('headers' in caller) return caller.headers;
  return { authorization: `Bearer ${await tokenFor(engine, caller)}` };
}

/**
 * Starts the real engine on a free port over real HTTP, with its data in a fresh folder. Every
 * call is signed as the Secretariat (`local-operator`) unless `as(...)` or an explicit
 * `authorization` header says otherwise.
 */
export async function startEngine(
  env: Record<string, string> = {},
  dataDir?: string,
): Promise<RunningEngine> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'kurultai-e2e-'));
  // On SQLite, or with KURULTAI_TEST_STORE=esdb on a protocol double of this data folder (test/esdb).
  const store = await testStoreEnv(dir, env);
  const config = loadConfig({ KURULTAI_DATA_DIR: dir, KURULTAI_LOG_LEVEL: 'fatal', ...store, ...env });
  const app = await createApp(config, {}, false);
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const identity = { dataDir: dir, env };
  const tokens = new Map<string, Promise<Record<string, string>>>();
  const signedAs = (caller: Caller) => {
    const key = JSON.stringify(caller);
    if (!tokens.has(key)) tokens.set(key, headersFor(identity, caller));
    return tokens.get(key)!;
  };
  const callerOf = (caller: Caller): CallingEngine => {
    const call = async (
      method: string,
      path: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ): Promise<Reply> => {
      const raw = typeof body === 'string' ? body : body === undefined ? undefined : JSON.stringify(body);
      const auth = await signedAs(caller);
      const all = { ...auth, ...headers };
      const response = await fetch(url + path, {
        method,
        headers: raw === undefined ? all : { 'content-type': 'application/json', ...all },
        body: raw,
      });
      const text = await response.text();
      const contentType = response.headers.get('content-type') ?? '';
      return {
        status: response.status,
        contentType,
        headers: response.headers,
        body: contentType.includes('json') && text !== '' ? JSON.parse(text) : text,
      };
    };
    return {
      call,
      post: (path, body, headers) => call('POST', path, body, headers),
      get: (path, headers) => call('GET', path, undefined, headers),
    };
  };
  const secretariat = callerOf(SECRETARIAT);
  // With an identity provider configured the engine has no local key: no Secretariat token then.
  const token = existsSync(localKeyFileOf(dir, env))
    ? (await signedAs(SECRETARIAT)).authorization!.slice('Bearer '.length)
    : '';
  return {
    url,
    token,
    dataDir: dir,
    env,
    app,
    ...secretariat,
    as: callerOf,
    close: async ({ keepData = false } = {}) => {
      await app.close();
      if (!keepData) rmSync(dir, { recursive: true, force: true });
      if (!keepData) await releaseTestStore(dir);
    },
  };
}
