import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openReadModelDb, READ_MODEL_WAL_AUTOCHECKPOINT } from './read-model-files.js';

describe('openReadModelDb', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'kurultai-read-model-files-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('given a read-model file, when it is opened, then it runs in WAL mode, synchronous NORMAL, checkpointing every 10,000 pages', () => {
    const db = openReadModelDb(join(dir, 'nested', 'read-models.sqlite'));
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(1);
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(READ_MODEL_WAL_AUTOCHECKPOINT);
      expect(READ_MODEL_WAL_AUTOCHECKPOINT).toBe(10_000);
    } finally {
      db.close();
    }
  });

  it('given rows written past a checkpoint interval, when the file is opened again, then they are all there', () => {
    const path = join(dir, 'rows.sqlite');
    const db = openReadModelDb(path);
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    for (let batch = 0; batch < 20; batch++)
      db.transaction(() => {
        for (let i = 0; i < 500; i++) insert.run('x'.repeat(200));
      })();
    db.close();
    const again = openReadModelDb(path);
    try {
      expect(again.prepare('SELECT count(*) FROM t').pluck().get()).toBe(10_000);
    } finally {
      again.close();
    }
  });
});
