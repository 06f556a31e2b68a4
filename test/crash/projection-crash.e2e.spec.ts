import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type RecordedEvent } from '../../libs/event-store/src/index.js';
import { startNode, type NodeChild } from '../../libs/event-store/src/testing/child-process.js';
import type { Projection } from '../../libs/eventsourcing/src/projections/projection.js';
import { ProjectionRunner } from '../../libs/eventsourcing/src/projections/projection-runner.js';
import {
  countingProjection,
  type CountingProjection,
} from '../../libs/eventsourcing/src/projections/testing/counting.projection.js';
import {
  checkpointRows,
  PLAN_TABLES,
  replay,
  tableRows,
} from '../../libs/eventsourcing/src/projections/testing/tables.js';
import { planImplementationProjection } from '../../libs/read-models/src/plan-implementation/plan-implementation.projection.js';

const ROUNDS = 6;
const FIXTURE = join(__dirname, 'fixtures', 'project-until-killed.mjs');

interface Ack {
  readonly correlationId: string;
  readonly stream: string;
  readonly firstPosition: number;
  readonly position: number;
  readonly revision: number;
  readonly size: number;
}

/**
 * Kills a process that appends plan events and projects them into a read-model file with the
 * real runner, at random moments or from inside the runner's transactions, restarting it over
 * the same files each time. After each kill: every acknowledged append is in the log, no append
 * is partial, and the read models hold exactly the events up to their checkpoint. At the end, a
 * runner over the recovered files catches up to the same tables as a rebuild from zero.
 */
describe('ProjectionRunner killed while appending and projecting', () => {
  let dir: string;
  let child: NodeChild | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kurultai-projection-crash-'));
  });
  afterAll(async () => {
    if (child?.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
    await child?.exited;
    rmSync(dir, { recursive: true, force: true });
  });

  it(`keeps the log and the read models consistent over ${ROUNDS} kills`, async () => {
    const storeFile = join(dir, 'events.sqlite');
    const readModelFile = join(dir, 'read-models.sqlite');
    const acks: Ack[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Every round of three, the parent kills the child at a random moment once it has
      // appended, then the child kills itself inside a runner transaction: while applying, then
      // while writing the checkpoints (random kills seldom land between two statements).
      const kind = (['random', 'apply', 'checkpoint'] as const)[round % 3];
      const inside = kind === 'random' ? [] : [kind, String(1 + randomInt(kind === 'apply' ? 300 : 40))];
      child = startNode(FIXTURE, [storeFile, readModelFile, ...inside], { typescript: true });
      if (kind === 'random') {
        await child.waitForLine((line) => line.startsWith('ack '), 30_000);
        await new Promise((resolve) => setTimeout(resolve, randomInt(400)));
        child.process.kill('SIGKILL');
      }
      expect((await withTimeout(child.exited, 30_000)).signal).toBe('SIGKILL');
      expect(child.lines.filter((line) => line.startsWith('failed'))).toEqual([]);
      expect(child.stderr()).toBe('');
      acks.push(...child.lines.filter((line) => line.startsWith('ack ')).map(parseAck));

      const events = await readEverything(storeFile);
      expectDenseLog(events);
      expectWholeAppends(events);
      expectAcknowledged(events, acks);
      expectReadModelsAtTheirCheckpoint(readModelFile, events);
    }
    expect(acks.length).toBeGreaterThan(ROUNDS);

    // The engine starts again over the recovered files and catches up...
    const store = await SqliteEventStore.open(storeFile);
    try {
      const head = (await store.head()).position;
      const recovered = openReadModels(readModelFile);
      const [{ position: resumedFrom }] = checkpointRows(recovered);
      const counting = countingProjection();
      const errors = await catchUp(store, recovered, [planImplementationProjection, counting]);
      expect(errors).toEqual([]);
      expect(counting.applied).toBe(head - resumedFrom);

      // ...and its read models equal those a fresh rebuild from zero gives.
      const fresh = openReadModels(join(dir, 'rebuilt.sqlite'));
      const rebuilt = countingProjection();
      expect(await catchUp(store, fresh, [planImplementationProjection, rebuilt])).toEqual([]);
      expect(rebuilt.applied).toBe(head);
      const tables = [...PLAN_TABLES, ...counting.tables];
      const recoveredRows = tableRows(recovered, tables);
      expect(recoveredRows.rm_plan.length).toBeGreaterThan(0);
      expect(recoveredRows.rm_plan_activity.length).toBeGreaterThan(0);
      expect(recoveredRows).toEqual(tableRows(fresh, tables));
      expect(checkpointRows(recovered)).toEqual(checkpointRows(fresh));
      recovered.close();
      fresh.close();
    } finally {
      await store.close();
    }
  }, 180_000);
});

function randomInt(below: number): number {
  return Math.floor(Math.random() * below);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the child did not die within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function parseAck(line: string): Ack {
  const [, correlationId, stream, firstPosition, position, revision, size] = line.split(' ');
  return {
    correlationId,
    stream,
    firstPosition: +firstPosition,
    position: +position,
    revision: +revision,
    size: +size,
  };
}

/** Opened as EventSourcingModule opens it. */
function openReadModels(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  return db;
}

async function readEverything(file: string): Promise<RecordedEvent[]> {
  const store = await SqliteEventStore.open(file);
  try {
    return await store.readAll();
  } finally {
    await store.close();
  }
}

/** Runs a runner until it has applied the whole log; returns the errors it reported. */
async function catchUp(
  store: SqliteEventStore,
  db: Database.Database,
  projections: readonly Projection[],
): Promise<unknown[]> {
  const errors: unknown[] = [];
  const runner = new ProjectionRunner(store, db, projections, { onError: (error) => errors.push(error) });
  runner.start();
  try {
    expect(await runner.waitFor((await store.head()).position, 30_000)).toBe(true);
  } finally {
    await runner.stop();
  }
  return errors;
}

function expectDenseLog(events: readonly RecordedEvent[]): void {
  expect(events.map((event) => event.position)).toEqual(events.map((_, n) => n + 1));
  const next = new Map<string, number>();
  for (const event of events) {
    expect(event.revision).toBe(next.get(event.stream) ?? 0);
    next.set(event.stream, event.revision + 1);
  }
}

/** Every append is there whole: all its events, consecutive, in one stream. */
function expectWholeAppends(events: readonly RecordedEvent[]): void {
  for (let start = 0; start < events.length;) {
    const first = events[start];
    const size = first.metadata.appendSize as number;
    const append = events.slice(start, start + size);
    expect(append).toHaveLength(size);
    for (const [n, event] of append.entries()) {
      expect([event.metadata.correlationId, event.stream, event.revision, event.metadata.appendSize]).toEqual(
        [first.metadata.correlationId, first.stream, first.revision + n, size],
      );
    }
    start += size;
  }
}

function expectAcknowledged(events: readonly RecordedEvent[], acks: readonly Ack[]): void {
  for (const ack of acks) {
    const append = events.slice(ack.firstPosition - 1, ack.position);
    expect(append).toHaveLength(ack.size);
    expect(
      append.every((e) => e.metadata.correlationId === ack.correlationId && e.stream === ack.stream),
    ).toBe(true);
    expect(append[append.length - 1].revision).toBe(ack.revision);
  }
}

/**
 * The read models a killed runner left hold exactly the events up to their checkpoint: the
 * same tables as the projections run afresh over the log up to that position.
 */
function expectReadModelsAtTheirCheckpoint(file: string, events: readonly RecordedEvent[]): void {
  const db = openReadModels(file);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const checkpoints = checkpointRows(db);
    expect(checkpoints.map((c) => c.name)).toEqual(['counting', 'plan-implementation']);
    const [position] = new Set(checkpoints.map((c) => c.position));
    expect(checkpoints.every((c) => c.position === position)).toBe(true);
    expect(position).toBeLessThanOrEqual(events.length);

    const expected = new Database(':memory:');
    try {
      const counting: CountingProjection = countingProjection();
      replay(expected, [planImplementationProjection, counting], events.slice(0, position));
      const tables = [...PLAN_TABLES, ...counting.tables];
      expect(tableRows(db, tables)).toEqual(tableRows(expected, tables));
    } finally {
      expected.close();
    }
  } finally {
    db.close();
  }
}
