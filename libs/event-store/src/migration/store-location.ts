import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InvalidArgumentError } from '../errors.js';
import type { EventStore } from '../event-store.js';
import { EsdbEventStore } from '../esdb/esdb-event-store.js';
import { SqliteEventStore } from '../sqlite/sqlite-event-store.js';

/**
 * Where a log lives: `sqlite:<file or data folder>` or `esdb:<connection string>`
 * (`esdb://…` and `esdb+discover://…` are accepted without the prefix).
 */
export type StoreLocation =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'esdb'; readonly connectionString: string };

export function parseStoreLocation(text: string): StoreLocation {
  if (text.startsWith('sqlite:')) {
    const path = text.slice('sqlite:'.length);
    if (path === '') throw new InvalidArgumentError('sqlite: needs a file or a data folder');
    const absolute = resolve(path);
    const isFolder = existsSync(absolute) && statSync(absolute).isDirectory();
    return { kind: 'sqlite', path: isFolder ? join(absolute, 'events.sqlite') : absolute };
  }
  const connectionString = text.startsWith('esdb:') && !text.startsWith('esdb://') ? text.slice(5) : text;
  if (/^esdb(\+discover)?:\/\/./.test(connectionString)) return { kind: 'esdb', connectionString };
  throw new InvalidArgumentError(
    `${describeLocation(text)} is neither sqlite:<path> nor esdb:<connection string> (esdb://host:2113?tls=false)`,
  );
}

/** The location without credentials, for messages and reports. */
export function describeLocation(location: StoreLocation | string): string {
  const text =
    typeof location === 'string'
      ? location
      : location.kind === 'sqlite'
        ? `sqlite:${location.path}`
        : `esdb:${location.connectionString}`;
  return text.replace(/\/\/[^@/]*@/, '//***@');
}

export function sameLocation(a: StoreLocation, b: StoreLocation): boolean {
  return a.kind === 'sqlite' && b.kind === 'sqlite'
    ? a.path === b.path
    : a.kind === 'esdb' && b.kind === 'esdb' && a.connectionString === b.connectionString;
}

/**
 * Opens the store at `location`. A SQLite source must exist (`mustExist`); a SQLite target is
 * created when missing.
 */
export async function openStoreAt(
  location: StoreLocation,
  options: { readonly mustExist?: boolean } = {},
): Promise<EventStore> {
  if (location.kind === 'esdb') return EsdbEventStore.open(location.connectionString);
  if (options.mustExist && !existsSync(location.path)) {
    throw new InvalidArgumentError(`there is no event log at ${location.path}`);
  }
  return SqliteEventStore.open(location.path);
}

/** On the embedded store a position is the event's number in the log (1, 2, 3…): random access. */
export function positionsAreOrdinals(location: StoreLocation): boolean {
  return location.kind === 'sqlite';
}
