export * from './envelope.js';
export * from './errors.js';
export * from './event-store.js';
export { checkExpectedRevision } from './expected-revision.js';
export { validateAppend } from './validate.js';
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqlite-event-store.js';
export { EsdbEventStore, type AppendPath, type EsdbEventStoreOptions } from './esdb/esdb-event-store.js';
export {
  connectionStringProblem,
  isTransient as isTransientStoreError,
  EsdbConnectionError,
  redactConnectionString,
  type ReconnectPolicy,
} from './esdb/esdb-connection.js';
export * from './downstream-groups.js';
