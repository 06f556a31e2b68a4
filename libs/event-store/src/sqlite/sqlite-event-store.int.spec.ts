import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEventStoreContract } from '../testing/index.js';
import { SqliteEventStore } from './sqlite-event-store.js';

const dir = mkdtempSync(join(tmpdir(), 'kurultai-contract-'));
let files = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeEventStoreContract('SQLite file', () =>
  SqliteEventStore.open(join(dir, `${++files}`, 'events.sqlite')),
);
describeEventStoreContract('SQLite :memory:', () => SqliteEventStore.open(':memory:'));
