import type { Command } from 'commander';
import { join } from 'node:path';
import { API_KEYS_FILE, ApiKeyStore, type ApiKeyInfo } from '#security';
import { CliError, EXIT, type Output } from '../support.js';

function withKeys<T>(dataDir: string, work: (store: ApiKeyStore) => T): T {
  const store = ApiKeyStore.open(join(dataDir, API_KEYS_FILE));
  try {
    return work(store);
  } finally {
    store.close();
  }
}

export function createKey(dataDir: string, name: string): ApiKeyInfo & { readonly key: string } {
  return withKeys(dataDir, (store) => {
    try {
      return store.create(name);
    } catch (error) {
      throw new CliError((error as Error).message, EXIT.usage);
    }
  });
}

export const listKeys = (dataDir: string): ApiKeyInfo[] => withKeys(dataDir, (store) => store.list());

export function revokeKey(dataDir: string, id: string): { id: string; revoked: true } {
  return withKeys(dataDir, (store) => {
    if (!store.revoke(id)) throw new CliError(`there is no active API key ${id}`, EXIT.notFound);
    return { id, revoked: true };
  });
}

/**
 * `kurultai keys create|list|revoke`: API keys of downstream services (role service), in the data
 * folder; a running engine sees a revocation at its next request.
 */
export function addKeysCommand(program: Command, io: Output, dataDir: () => string): Command {
  const json = (value: unknown) => io.out(JSON.stringify(value, null, 2) + '\n');
  const keys = program.command('keys').description('API keys of downstream services (role service)');
  keys
    .command('create')
    .description('create a key; its secret is printed once and only its SHA-256 is kept')
    .requiredOption('--name <name>', 'who the key is for, e.g. "foreign-ministry-portal"')
    .action((options: { name: string }) => {
      json(createKey(dataDir(), options.name));
      io.err('store the key now: it cannot be shown again; send it as the X-Api-Key header\n');
    });
  keys
    .command('list')
    .description('every key: id, name, created, revoked (never the secret)')
    .action(() => json(listKeys(dataDir())));
  keys
    .command('revoke <id>')
    .description('revoke a key at once')
    .action((id: string) => json(revokeKey(dataDir(), id)));
  return keys;
}
