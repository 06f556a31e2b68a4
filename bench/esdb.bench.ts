import { performance } from 'node:perf_hooks';
import { SqliteEventStore, type EventStore, type NewEvent } from '#event-store';
import { EsdbEventStore } from '../libs/event-store/src/esdb/esdb-event-store.js';
import { eventsFor } from './append.bench.js';
import { compare, trackMemory, type Rounds, type Work } from './harness.js';
import { assertChecks, figure, type About, type BenchmarkResult, type Figure } from './result.js';
import { tempDir } from './temp-dir.js';

export interface EsdbSizes extends Rounds {
  /** Single-event appends per round. */
  readonly appends: number;
  /** Appends of `batchSize` events per round. */
  readonly batches: number;
  readonly batchSize: number;
  /** Streams the appends go round. */
  readonly streams: number;
  /** Events in the log both `$all` reads page through, `pageSize` at a time. */
  readonly readEvents: number;
  readonly pageSize: number;
}

export const esdbAbout: About = {
  name: 'esdb',
  title: 'EventStoreDB adapter',
  measures:
    'The EventStoreDB adapter (`EsdbEventStore`) through the official client over real gRPC to the ' +
    'protocol double: single-event appends, batches to one stream, and the whole `$all` read page by page. ' +
    'The double is an in-process, in-memory stand-in that shares the CPU with the client: the figures show ' +
    'what the adapter and its gRPC round trips cost (event-id reservations, the audit link of the stream, ' +
    'reading back positions), not what an EventStoreDB server does.',
  baseline: 'The same calls with the same events on the embedded `SqliteEventStore`, in the same run.',
};

const appending = (store: EventStore, input: () => { stream: string; events: NewEvent[] }[]): Work => ({
  run: async () => {
    let events = 0;
    for (const call of input()) {
      await store.append(call.stream, call.events);
      events += call.events.length;
    }
    return events;
  },
});

async function readWhole(store: EventStore, pageSize: number): Promise<number> {
  let after = 0;
  let events = 0;
  for (;;) {
    const page = await store.readAll({ after, limit: pageSize });
    if (page.length === 0) return events;
    events += page.length;
    after = page[page.length - 1].position;
  }
}

interface Pair {
  readonly esdb: EsdbEventStore;
  readonly sqlite: SqliteEventStore;
  close(): Promise<void>;
}

/** The protocol double (test code), loaded on first use (run.ts registers the hook it needs). */
async function startDouble() {
  const { EsdbProtocolDouble } = await import('../libs/event-store/src/esdb/testing/esdb-protocol-double.js');
  return EsdbProtocolDouble.start();
}

/** A fresh double with the adapter on it, and a fresh SQLite store. */
async function pair(file: string): Promise<Pair> {
  const double = await startDouble();
  const esdb = await EsdbEventStore.open(double.connectionString);
  const sqlite = await SqliteEventStore.open(file);
  return {
    esdb,
    sqlite,
    close: async () => {
      await Promise.all([esdb.close(), sqlite.close()]);
      await double.stop();
    },
  };
}

async function measureAppends(
  calls: number,
  perCall: number,
  sizes: EsdbSizes,
  file: string,
): Promise<{ figure: Figure; checks: Record<string, number> }> {
  const stores = await pair(file);
  try {
    let input: { stream: string; events: NewEvent[] }[] = [];
    const prepare = () => (input = eventsFor(calls, perCall, sizes.streams));
    const comparison = await compare(
      { ...appending(stores.esdb, () => input), before: prepare },
      { ...appending(stores.sqlite, () => input), before: prepare },
      sizes,
    );
    const expected = (sizes.warmup + sizes.rounds) * calls * perCall;
    const checks = {
      esdbEvents: await readWhole(stores.esdb, 1000),
      sqliteEvents: (await stores.sqlite.head()).position,
    };
    assertChecks(`esdb append ${perCall}`, checks, { esdbEvents: expected, sqliteEvents: expected });
    const name = perCall === 1 ? 'single-event appends' : `appends of ${perCall} events`;
    return {
      figure: figure(
        name,
        'events/s',
        { engine: 'EsdbEventStore → double', baseline: 'SqliteEventStore' },
        comparison,
      ),
      checks,
    };
  } finally {
    await stores.close();
  }
}

async function measureReads(
  sizes: EsdbSizes,
  file: string,
): Promise<{ figure: Figure; checks: Record<string, number> }> {
  const stores = await pair(file);
  try {
    for (const { stream, events } of eventsFor(Math.ceil(sizes.readEvents / 100), 100, sizes.streams)) {
      const wanted = events.slice(0, Math.max(0, sizes.readEvents - (await stores.sqlite.head()).position));
      if (wanted.length === 0) break;
      await stores.esdb.append(stream, wanted);
      await stores.sqlite.append(stream, wanted);
    }
    const comparison = await compare(
      { run: () => readWhole(stores.esdb, sizes.pageSize) },
      { run: () => readWhole(stores.sqlite, sizes.pageSize) },
      sizes,
    );
    const checks = {
      esdbEventsRead: comparison.engine.operationsPerRound,
      sqliteEventsRead: comparison.baseline.operationsPerRound,
    };
    assertChecks('esdb read', checks, {
      esdbEventsRead: sizes.readEvents,
      sqliteEventsRead: sizes.readEvents,
    });
    return {
      figure: figure(
        `$all read in pages of ${sizes.pageSize}`,
        'events/s',
        { engine: 'EsdbEventStore.readAll → double', baseline: 'SqliteEventStore.readAll' },
        comparison,
      ),
      checks,
    };
  } finally {
    await stores.close();
  }
}

export async function runEsdbBenchmark(sizes: EsdbSizes): Promise<BenchmarkResult> {
  const dir = tempDir('esdb');
  const memory = trackMemory();
  const started = performance.now();
  const figures: Figure[] = [];
  const checks: Record<string, number> = {};
  try {
    const parts = [
      ['single', () => measureAppends(sizes.appends, 1, sizes, dir.file('single.sqlite'))],
      ['batched', () => measureAppends(sizes.batches, sizes.batchSize, sizes, dir.file('batched.sqlite'))],
      ['read', () => measureReads(sizes, dir.file('read.sqlite'))],
    ] as const;
    for (const [part, measure] of parts) {
      const result = await measure();
      figures.push(result.figure);
      for (const [key, value] of Object.entries(result.checks)) checks[`${part}: ${key}`] = value;
    }
  } finally {
    dir.remove();
  }
  return {
    ...esdbAbout,
    sizes: { ...sizes },
    figures,
    checks,
    memory: memory(),
    durationMs: performance.now() - started,
  };
}
