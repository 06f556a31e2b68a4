import { runHttpBenchmark } from '../../bench/http.bench.js';

/** The HTTP benchmark with tiny sizes, so that it cannot rot (it needs `npm run build`). No timing is judged. */
describe('the HTTP commands benchmark with tiny sizes', () => {
  it('loads the built engine and the bare endpoint at each connection count', async () => {
    const sizes = { activities: 6, draftPlans: 2, seconds: 0.5, connections: [1, 4], warmup: 0, rounds: 1 };
    const result = await runHttpBenchmark(sizes);
    expect(result.figures.map((f) => f.name)).toEqual(['1 connection', '4 connections']);
    for (const figure of result.figures) {
      expect(figure.engine.value).toBeGreaterThan(0);
      expect(figure.baseline.value).toBeGreaterThan(0);
      expect(figure.engine.samples).toHaveLength(1);
    }
    expect(result.checks.engineAccepted).toBeGreaterThan(0);
    // Every accepted command wrote its event; a command refused would have been counted apart.
    expect(result.checks.engineEventsWritten).toBeGreaterThanOrEqual(result.checks.engineAccepted);
    expect(result.checks.bareAnswered).toBeGreaterThan(0);
  }, 120_000);
});
