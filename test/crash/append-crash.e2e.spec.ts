import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '../../libs/event-store/src/index.js';
import { SqliteEventStore } from '../../libs/event-store/src/index.js';
import { startNode, type NodeChild } from '../../libs/event-store/src/testing/child-process.js';

const BATCH_SIZE = 25;
const ROUNDS = 4;

interface Ack {
  readonly correlationId: string;
  readonly stream: string;
  readonly firstPosition: number;
  readonly position: number;
  readonly revision: number;
}

/** Kills a process that appends through the real store at a random moment, then inspects the file. */
describe('SqliteEventStore killed while appending', () => {
  let dir: string;
  let child: NodeChild | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kurultai-crash-'));
  });
  afterAll(async () => {
    if (child?.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
    await child?.exited;
    rmSync(dir, { recursive: true, force: true });
  });

  it(`keeps every acknowledged batch and no partial one, over ${ROUNDS} kills`, async () => {
    const file = join(dir, 'events.sqlite');
    const acks: Ack[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      child = startNode(
        join(__dirname, 'fixtures', 'append-until-killed.mjs'),
        [file, String(BATCH_SIZE), '5'],
        {
          typescript: true,
        },
      );
      await child.waitForLine((line) => line.startsWith('ack '), 20_000);
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 300));
      child.process.kill('SIGKILL');
      expect((await child.exited).signal).toBe('SIGKILL');
      acks.push(...child.lines.filter((line) => line.startsWith('ack ')).map(parseAck));

      const events = await readEverything(file);
      expectDenseLog(events);
      expectWholeBatches(events);
      expectAcknowledged(events, acks);
      expectIntegrity(file);
    }
    expect(acks.length).toBeGreaterThan(ROUNDS);
  });
});

function parseAck(line: string): Ack {
  const [, correlationId, stream, firstPosition, position, revision] = line.split(' ');
  return { correlationId, stream, firstPosition: +firstPosition, position: +position, revision: +revision };
}

async function readEverything(file: string): Promise<RecordedEvent[]> {
  const store = await SqliteEventStore.open(file);
  try {
    return await store.readAll();
  } finally {
    await store.close();
  }
}

function expectDenseLog(events: readonly RecordedEvent[]): void {
  expect(events.map((event) => event.position)).toEqual(events.map((_, n) => n + 1));
  const next = new Map<string, number>();
  for (const event of events) {
    expect(event.revision).toBe(next.get(event.stream) ?? 0);
    next.set(event.stream, event.revision + 1);
  }
}

function expectWholeBatches(events: readonly RecordedEvent[]): void {
  expect(events.length % BATCH_SIZE).toBe(0);
  for (let start = 0; start < events.length; start += BATCH_SIZE) {
    const batch = events.slice(start, start + BATCH_SIZE);
    expect(new Set(batch.map((event) => event.metadata.correlationId)).size).toBe(1);
    expect(new Set(batch.map((event) => event.stream)).size).toBe(1);
    expect(batch.map((event) => event.data.n)).toEqual(batch.map((_, n) => n));
  }
}

function expectAcknowledged(events: readonly RecordedEvent[], acks: readonly Ack[]): void {
  for (const ack of acks) {
    const first = events[ack.firstPosition - 1];
    const last = events[ack.position - 1];
    expect(ack.position - ack.firstPosition + 1).toBe(BATCH_SIZE);
    expect(first?.metadata.correlationId).toBe(ack.correlationId);
    expect(last?.metadata.correlationId).toBe(ack.correlationId);
    expect([last?.stream, last?.revision]).toEqual([ack.stream, ack.revision]);
  }
}

function expectIntegrity(file: string): void {
  const db = new Database(file, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  } finally {
    db.close();
  }
}
