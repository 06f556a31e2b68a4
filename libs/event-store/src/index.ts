export * from './envelope.js';
export * from './errors.js';
export * from './event-store.js';
export { checkExpectedRevision } from './expected-revision.js';
export { validateAppend } from './validate.js';
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqlite-event-store.js';
