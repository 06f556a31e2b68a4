/**
 * The end-to-end specs again with the engine on EventStoreDB (the protocol double over real gRPC):
 * `npm run test:esdb`. The store kind must change nothing for the rest of the engine: the API,
 * the projections, the decision process manager and webhooks answer the same on both stores.
 *
 * SQLite-only, and why:
 * - test/e2e/audit-log.e2e.spec.ts: signed checkpoints, Merkle proofs and the verifier read the
 *   SQLite file (on EventStoreDB the engine answers 501; each stream carries its own chain instead);
 * - test/e2e/operations.e2e.spec.ts, test/e2e/start.e2e.spec.ts and the CLI specs: backup, stats,
 *   offline rebuild and the spawned engine work on the files of the data folder;
 * - test/crash/**: kill the process in the middle of a SQLite transaction;
 * - test/browser/**, test/fuzz/**, test/bench/**: the dashboard's rendering, the HTTP parser and
 *   the benchmark harness do not depend on the store, and they are the slowest specs.
 *
 * Not yet, and why (each says what would let it join):
 * - test/e2e/concurrency.e2e.spec.ts: 50 racing commands with up to 20 retries each; over the
 *   double (event-id reservation, stream tip, append and read-back per attempt) this outlasts the
 *   spec's 30 s limit; the contract suite checks expected-revision conflicts on EventStoreDB;
 * - test/e2e/rebuild.e2e.spec.ts: writes a few thousand events first so that a rebuild takes a
 *   while, which over the double outlasts its 60 s limit (test/esdb/scenario.e2e.spec.ts and the
 *   adapter's engine spec rebuild read models on EventStoreDB).
 */
/* global require, module, __dirname */
/* eslint-disable @typescript-eslint/no-require-imports -- Jest reads this file as CommonJS */
const { join } = require('node:path');
const base = require('../../jest.config.cjs');

const ON_BOTH_STORES = [
  'activities',
  'audit',
  'bad-input',
  'calendar',
  'decision-follow-through',
  'decisions',
  'events-feed',
  'follow-ups',
  'institutions',
  'meeting-numbering',
  'meeting-series',
  'meetings',
  'participation',
  'plan-slice',
  'protocols',
  'protocols-read',
  'reports',
  'scenario',
  'states',
  'strategic-documents',
  'webhooks',
];

module.exports = {
  ...base,
  rootDir: join(__dirname, '..', '..'),
  displayName: 'esdb',
  roots: ['<rootDir>/test'],
  testMatch: [
    '<rootDir>/test/esdb/test-store.e2e.spec.ts',
    ...ON_BOTH_STORES.map((name) => `<rootDir>/test/e2e/${name}.e2e.spec.ts`),
  ],
  setupFiles: [...(base.setupFiles ?? []), '<rootDir>/test/esdb/on-esdb.setup.ts'],
};
