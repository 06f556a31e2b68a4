import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { planStream } from '#coordination';
import { SqliteEventStore, type NewEvent } from '#event-store';
import { eventMetadata } from '#eventsourcing';
import { compare, trackMemory, type Rounds, type Work } from './harness.js';
import { activityData, contextOf, planIdOf } from './plan-data.js';
import { RawEventTable } from './raw-event-table.js';
import { assertChecks, figure, type About, type BenchmarkResult, type Figure } from './result.js';
import { tempDir } from './temp-dir.js';

export interface AppendSizes extends Rounds {
  /** Single-event transactions per round. */
  readonly transactions: number;
  /** Batches of `batchSize` events per round. */
  readonly batches: number;
  readonly batchSize: number;
  /** Streams the appends go round. */
  readonly streams: number;
}

export const appendAbout: About = {
  name: 'append',
  title: 'Append ceilings',
  measures:
    "The store's `append` alone, for context: one `ActivityAddedToPlan` event per call (one transaction each), " +
    'then batches of events to one stream per call. Events are built before timing; serialising them is timed.',
  baseline:
    'The raw SQLite ceiling: one IMMEDIATE transaction on the minimal table per call, reading the stream’s last ' +
    'revision and inserting the JSON rows at the next revisions.',
};

/** `count` appends of `perCall` events each, the streams in turn; ids are fresh every round. */
export function eventsFor(
  count: number,
  perCall: number,
  streams: number,
): { stream: string; events: NewEvent[] }[] {
  const recordedAt = new Date().toISOString();
  return Array.from({ length: count }, (_, call) => {
    const planId = planIdOf(call % streams);
    const events = Array.from({ length: perCall }, (_, k): NewEvent => {
      const id = randomUUID();
      const data = {
        leadInstitutionId: null,
        plannedStart: null,
        plannedEnd: null,
        ...activityData(planId, k),
      };
      const metadata = eventMetadata(contextOf(id), recordedAt, 'AddActivityToPlan');
      return { id, type: 'ActivityAddedToPlan', schemaVersion: 1, data, metadata };
    });
    return { stream: planStream(planId), events };
  });
}

async function measure(calls: number, perCall: number, sizes: AppendSizes, file: (name: string) => string) {
  const store = await SqliteEventStore.open(file('engine.sqlite'));
  const table = new RawEventTable(file('raw.sqlite'));
  const rawAppend = table.immediate((stream: string, events: readonly NewEvent[]) => {
    let revision = table.lastRevision(stream);
    for (const e of events)
      table.insert(stream, ++revision, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata));
  });
  let input: { stream: string; events: NewEvent[] }[] = [];
  const prepare = () => (input = eventsFor(calls, perCall, sizes.streams));
  const engine: Work = {
    before: prepare,
    run: async () => {
      for (const { stream, events } of input) await store.append(stream, events);
      return calls * perCall;
    },
  };
  const baseline: Work = {
    before: prepare,
    run: () => {
      for (const { stream, events } of input) rawAppend(stream, events);
      return calls * perCall;
    },
  };
  const comparison = await compare(engine, baseline, sizes);
  const expected = (sizes.warmup + sizes.rounds) * calls * perCall;
  const checks = { engineHeadPosition: (await store.head()).position, baselineRows: table.count() };
  await store.close();
  table.close();
  assertChecks(`append ${perCall}`, checks, { engineHeadPosition: expected, baselineRows: expected });
  return { comparison, checks };
}

export async function runAppendBenchmark(sizes: AppendSizes): Promise<BenchmarkResult> {
  const dir = tempDir('append');
  const memory = trackMemory();
  const started = performance.now();
  const labels = { engine: 'SqliteEventStore.append', baseline: 'raw INSERT transaction' };
  const figures: Figure[] = [];
  const checks: Record<string, number> = {};
  try {
    const single = await measure(sizes.transactions, 1, sizes, (name) => dir.file(`single-${name}`));
    figures.push(figure('single-event transactions', 'transactions/s', labels, single.comparison));
    const batched = await measure(sizes.batches, sizes.batchSize, sizes, (name) => dir.file(`batch-${name}`));
    figures.push(figure(`batches of ${sizes.batchSize}`, 'events/s', labels, batched.comparison));
    for (const [key, value] of Object.entries(single.checks)) checks[`single: ${key}`] = value;
    for (const [key, value] of Object.entries(batched.checks)) checks[`batched: ${key}`] = value;
  } finally {
    dir.remove();
  }
  return {
    ...appendAbout,
    sizes: { ...sizes },
    figures,
    checks,
    memory: memory(),
    durationMs: performance.now() - started,
  };
}
