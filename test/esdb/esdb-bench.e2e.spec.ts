import { runEsdbBenchmark } from '../../bench/esdb.bench.js';

/** The EventStoreDB adapter benchmark with tiny sizes, so that it cannot rot. No timing is judged. */
describe('the EventStoreDB adapter benchmark', () => {
  it('appends and reads through the adapter to the double and through the SQLite store, the same events', async () => {
    const sizes = {
      appends: 6,
      batches: 2,
      batchSize: 5,
      streams: 3,
      readEvents: 120,
      pageSize: 50,
      warmup: 0,
      rounds: 2,
    };
    const result = await runEsdbBenchmark(sizes);
    expect(result.figures.map((figure) => figure.name)).toEqual([
      'single-event appends',
      'appends of 5 events',
      '$all read in pages of 50',
    ]);
    for (const figure of result.figures) {
      expect(figure.engine.samples).toHaveLength(2);
      expect(figure.baseline.samples).toHaveLength(2);
      expect(figure.ratio).toBeGreaterThan(0);
    }
    expect(result.checks).toEqual({
      'single: esdbEvents': 12,
      'single: sqliteEvents': 12,
      'batched: esdbEvents': 20,
      'batched: sqliteEvents': 20,
      'read: esdbEventsRead': 120,
      'read: sqliteEventsRead': 120,
    });
    expect(result.measures).toContain('not what an EventStoreDB server does');
  });
});
