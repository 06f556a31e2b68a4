import Database from 'better-sqlite3';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type NewEvent } from '#event-store';
import { GENESIS_HASH, hashStoredEvent } from '#event-store/sqlite/event-hash.js';
import { AuditReader, type StoredRow } from './audit-reader.js';
import {
  CHECKPOINT_EVENT,
  CHECKPOINT_STREAM,
  formatNote,
  loadOrCreateKey,
  signCheckpoint,
  type AuditKey,
  type SignedCheckpoint,
} from './checkpoint.js';
import { MerkleTree } from './merkle.js';
import { linesOf } from './export-lines.js';
import { exportLog, verifyExport, verifyLog, type VerifyReport } from './verify.js';

const ORIGIN = 'kurultai.test/events';

function event(type: string, data: Record<string, unknown>): NewEvent {
  const id = randomUUID();
  const at = '2024-11-18T10:00:00.000Z';
  return {
    id,
    type,
    schemaVersion: 1,
    data,
    metadata: {
      actor: { id: 'secretariat-1', role: 'secretariat' },
      commandId: id,
      correlationId: id,
      causationId: null,
      occurredAt: at,
      recordedAt: at,
      visibility: 'public',
    },
  };
}

async function checkpoint(store: SqliteEventStore, file: string, key: AuditKey): Promise<SignedCheckpoint> {
  const reader = AuditReader.open(file);
  try {
    const size = reader.size();
    const signed = signCheckpoint(
      {
        origin: ORIGIN,
        size,
        rootHash: new MerkleTree(reader).root(size).toString('base64'),
        time: '2025-01-01T00:00:00Z',
      },
      key,
    );
    await store.append(CHECKPOINT_STREAM, [event(CHECKPOINT_EVENT, { ...signed })]);
    return signed;
  } finally {
    reader.close();
  }
}

/** 40 events in 4 streams, a checkpoint at 20 (position 21), 19 more, a checkpoint at 40 (position 41). */
async function buildLog(dir: string) {
  const file = join(dir, 'events.sqlite');
  const key = loadOrCreateKey(join(dir, 'audit-key.pem'), ORIGIN);
  const store = await SqliteEventStore.open(file);
  for (let i = 0; i < 20; i++) {
    await store.append(`meeting-m${i % 4}`, [
      event('DecisionRecorded', { n: i, text: `décision ${i} — Ташкент` }),
    ]);
  }
  await checkpoint(store, file, key);
  for (let i = 20; i < 39; i++) await store.append(`plan-p${i % 3}`, [event('ActivityAdded', { n: i })]);
  const last = await checkpoint(store, file, key);
  await store.close();
  return {
    file,
    key,
    publicKey: readFileSync(join(dir, 'audit-key.pub.pem'), 'utf8'),
    note: formatNote(last),
  };
}

/** Tampers with the file directly, as someone with access to the disk would. */
function tamper(file: string, work: (db: Database.Database) => void): void {
  const db = new Database(file);
  db.transaction(() => work(db))();
  db.close();
}

/** A capable forger: recomputes the (keyless) hash chain from a position, so only signatures stop them. */
function rechain(db: Database.Database, from: number): void {
  const rows = db
    .prepare(
      `SELECT position, type, schema_version AS schemaVersion, data, metadata, stream, revision
       FROM events WHERE position >= ? ORDER BY position`,
    )
    .all(from) as StoredRow[];
  let prev =
    from === 1
      ? GENESIS_HASH
      : (db
          .prepare('SELECT hash FROM events WHERE position = ?')
          .pluck()
          .get(from - 1) as string);
  for (const row of rows) {
    const hash = hashStoredEvent(prev, row);
    db.prepare('UPDATE events SET prev_hash = ?, hash = ? WHERE position = ?').run(prev, hash, row.position);
    prev = hash;
  }
}

describe('verifyLog on a tampered SQLite file', () => {
  let dir: string;
  let log: Awaited<ReturnType<typeof buildLog>>;
  const verify = (options: { trustedCheckpoint?: string } = {}): VerifyReport =>
    verifyLog(log.file, { origin: ORIGIN, publicKeys: [log.publicKey], ...options });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kurultai-audit-'));
    log = await buildLog(dir);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts the log as written, checkpoints included', () => {
    expect(verify({ trustedCheckpoint: log.note })).toEqual({
      ok: true,
      events: 41,
      checkpoints: 2,
      signedSize: 40,
    });
  });

  it('finds a changed byte of data: an edited event', () => {
    tamper(log.file, (db) =>
      db.prepare(`UPDATE events SET data = replace(data, '7', '8') WHERE position = 8`).run(),
    );
    expect(verify().failure).toMatchObject({ position: 8, kind: 'edited-event' });
  });

  it('finds changed metadata: an edited event', () => {
    tamper(log.file, (db) =>
      db
        .prepare(
          `UPDATE events SET metadata = json_set(metadata, '$.actor.id', 'intruder') WHERE position = 13`,
        )
        .run(),
    );
    expect(verify().failure).toMatchObject({ position: 13, kind: 'edited-event' });
  });

  it('finds a deleted event', () => {
    tamper(log.file, (db) => db.prepare('DELETE FROM events WHERE position = 5').run());
    expect(verify().failure).toMatchObject({ position: 5, kind: 'deleted-event' });
  });

  it('finds a deleted event when the later positions were renumbered', () => {
    tamper(log.file, (db) => {
      db.prepare('DELETE FROM events WHERE position = 5').run();
      for (let p = 6; p <= 41; p++)
        db.prepare('UPDATE events SET position = ? WHERE position = ?').run(p - 1, p);
    });
    expect(verify().failure).toMatchObject({ position: 5, kind: 'deleted-event' });
  });

  it('finds an inserted event', () => {
    tamper(log.file, (db) => {
      for (let p = 41; p >= 10; p--)
        db.prepare('UPDATE events SET position = ? WHERE position = ?').run(p + 1, p);
      db.prepare(
        `INSERT INTO events (position, id, stream, revision, category, type, schema_version, data, metadata, recorded_at, prev_hash, hash)
         SELECT 10, 'forged', 'meeting-forged', 0, 'meeting', type, schema_version, data, metadata, recorded_at, prev_hash, hash
         FROM events WHERE position = 9`,
      ).run();
    });
    expect(verify().failure).toMatchObject({ position: 10, kind: 'inserted-event' });
  });

  it('finds an event appended at the end without a hash', () => {
    tamper(log.file, (db) =>
      db
        .prepare(
          `INSERT INTO events (id, stream, revision, category, type, schema_version, data, metadata, recorded_at)
           VALUES ('forged', 'meeting-forged', 0, 'meeting', 'DecisionRecorded', 1, '{}', '{}', '2024')`,
        )
        .run(),
    );
    expect(verify().failure).toMatchObject({ position: 42, kind: 'inserted-event' });
  });

  it('finds two swapped events: reordered', () => {
    tamper(log.file, (db) => {
      db.prepare('UPDATE events SET position = -1 WHERE position = 6').run();
      db.prepare('UPDATE events SET position = 6 WHERE position = 7').run();
      db.prepare('UPDATE events SET position = 7 WHERE position = -1').run();
    });
    expect(verify().failure).toMatchObject({ position: 6, kind: 'reordered-events' });
  });

  it('finds two distant events swapped: reordered', () => {
    tamper(log.file, (db) => {
      db.prepare('UPDATE events SET position = -1 WHERE position = 4').run();
      db.prepare('UPDATE events SET position = 4 WHERE position = 15').run();
      db.prepare('UPDATE events SET position = 15 WHERE position = -1').run();
    });
    expect(verify().failure).toMatchObject({ position: 4, kind: 'reordered-events' });
  });

  it('finds a truncated tail, from the store sequence and from a kept checkpoint', () => {
    tamper(log.file, (db) => db.prepare('DELETE FROM events WHERE position > 30').run());
    expect(verify().failure).toMatchObject({ position: 31, kind: 'truncated-tail' });
    tamper(log.file, (db) => db.prepare(`UPDATE sqlite_sequence SET seq = 30 WHERE name = 'events'`).run());
    expect(verify().ok).toBe(true);
    expect(verify({ trustedCheckpoint: log.note }).failure).toMatchObject({
      position: 31,
      kind: 'truncated-tail',
    });
  });

  it('finds a forged checkpoint signature, even with the chain recomputed', () => {
    tamper(log.file, (db) => {
      db.prepare(`UPDATE events SET data = json_set(data, '$.size', 19) WHERE position = 21`).run();
      rechain(db, 21);
    });
    expect(verify().failure).toMatchObject({ position: 21, kind: 'forged-checkpoint-signature' });
  });

  it('finds a checkpoint signed by another key', () => {
    const other = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(verifyLog(log.file, { origin: ORIGIN, publicKeys: [other] }).failure).toMatchObject({
      position: 21,
      kind: 'unknown-checkpoint-key',
    });
  });

  it('finds an edit whose chain was recomputed through the signed root', () => {
    tamper(log.file, (db) => {
      db.prepare(`UPDATE events SET data = json_set(data, '$.n', 99) WHERE position = 3`).run();
      rechain(db, 3);
    });
    expect(verify().failure).toMatchObject({ position: 21, kind: 'checkpoint-root-mismatch' });
  });
});

describe('the offline verifier', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kurultai-audit-export-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('verifies an export with the public key alone, and finds an edit in it', async () => {
    const log = await buildLog(dir);
    const out = join(dir, 'log.ndjson');
    expect(exportLog(log.file, out)).toBe(41);
    expect(verifyExport(out, log.publicKey, { trustedCheckpoint: log.note })).toMatchObject({
      ok: true,
      events: 41,
    });
    const lines = readFileSync(out, 'utf8').split('\n');
    lines[12] = lines[12].replace('secretariat-1', 'secretariat-2');
    writeFileSync(out, lines.join('\n'));
    expect(verifyExport(out, log.publicKey).failure).toMatchObject({ position: 12, kind: 'edited-event' });
  });

  it('names the position of a deleted, a swapped and a truncated event in an export', async () => {
    const log = await buildLog(dir);
    const out = join(dir, 'tampered.ndjson');
    exportLog(log.file, out);
    const lines = readFileSync(out, 'utf8').split('\n');
    const tampered = (change: (rows: string[]) => string[]) => {
      writeFileSync(out, [lines[0], ...change(lines.slice(1).filter((l) => l !== ''))].join('\n') + '\n');
      return verifyExport(out, log.publicKey, { trustedCheckpoint: log.note }).failure;
    };
    // Given an export, when line 8 (position 8) is deleted, then position 8 is named
    expect(tampered((rows) => rows.filter((_, i) => i !== 7))).toMatchObject({
      position: 8,
      kind: 'deleted-event',
    });
    // When positions 5 and 6 swap places (with their positions), then position 5 is named
    expect(
      tampered((rows) => {
        const [a, b] = [JSON.parse(rows[4]), JSON.parse(rows[5])];
        const swapped = [...rows];
        swapped[4] = JSON.stringify({ ...b, position: 5 });
        swapped[5] = JSON.stringify({ ...a, position: 6 });
        return swapped;
      }),
    ).toMatchObject({ position: 5, kind: 'reordered-events' });
    // When the tail is cut off below the kept checkpoint, then the first missing position is named
    expect(tampered((rows) => rows.slice(0, 30))).toMatchObject({ position: 31, kind: 'truncated-tail' });
  });
});

describe('reading an export line by line', () => {
  it('gives every line whole, whatever the chunk boundaries cut (multi-byte characters too)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kurultai-audit-lines-'));
    try {
      const lines = ['{"a":"Türkiye – Қазақстан – 🇺🇿"}', '', 'Oʻzbekiston', 'x'.repeat(100), 'last'];
      const file = join(dir, 'lines.ndjson');
      writeFileSync(file, lines.join('\n'));
      for (const size of [1, 2, 3, 7, 64, 1 << 20])
        expect([...linesOf(file, size)]).toEqual(lines.filter((l) => l !== ''));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
