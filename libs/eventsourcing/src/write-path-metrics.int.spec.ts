import { SqliteEventStore, type EventStore } from '#event-store';
import type { Command, Decider, DomainEvent } from './decider.js';
import { handleCommand } from './handle-command.js';
import { EngineMetrics } from './observability/metrics.js';
import { StateCache } from './state-cache.js';
import { observeWritePath } from './write-path-metrics.js';

type Add = Command<'Add', { n: number }>;
type Added = DomainEvent<'Added', { n: number }>;
const tally: Decider<Add, Added, number> = {
  initialState: () => 0,
  evolve: (total, event) => total + event.data.n,
  decide: (command) => [{ type: 'Added', data: { n: command.data.n } }],
};
const context = (commandId: string) => ({
  commandId,
  correlationId: commandId,
  causationId: null,
  actor: { id: 'officer-1', role: 'secretariat' as const, state: null },
});

/** The value of one sample line of the exposition, e.g. `kurultai_state_cache_hits_total`. */
const sample = (body: string, name: string) => {
  const line = body.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.split(' ')[1]);
};

describe('the write-path metrics', () => {
  let store: SqliteEventStore;
  beforeEach(async () => {
    store = await SqliteEventStore.open(':memory:');
  });
  afterEach(() => store.close());

  it('given commands run through the cache and group commit, when scraped, then hits, misses and group sizes are there', async () => {
    const metrics = new EngineMetrics({ defaultMetrics: false });
    const states = new StateCache({ maxStreams: 10, maxEvents: 100 });
    observeWritePath(metrics, { states, store });
    const deps = { store: store as EventStore, clock: () => new Date(), states };
    const run = (stream: string, id: string) =>
      handleCommand(deps, tally, stream, { type: 'Add', data: { n: 1 } }, { context: context(id) });
    await run('tally-a', 'a1');
    await run('tally-a', 'a2');
    // Three commands on three streams in one turn: one group of three appends.
    await Promise.all([run('tally-b', 'b1'), run('tally-c', 'c1'), run('tally-d', 'd1')]);

    const { body } = await metrics.scrape();
    expect(sample(body, 'kurultai_state_cache_hits_total')).toBe(1);
    expect(sample(body, 'kurultai_state_cache_misses_total')).toBe(4);
    expect(sample(body, 'kurultai_state_cache_streams')).toBe(4);
    expect(sample(body, 'kurultai_group_commit_appends_count')).toBe(3);
    expect(sample(body, 'kurultai_group_commit_appends_sum')).toBe(5);
    expect(sample(body, 'kurultai_group_commit_events_sum')).toBe(5);
    expect(body).toContain('kurultai_group_commit_appends_bucket{le="2"} 2');
  });

  it('given no cache and a store without group commit, when scraped, then neither family is there', async () => {
    const metrics = new EngineMetrics({ defaultMetrics: false });
    observeWritePath(metrics, { states: null, store: { append: () => undefined } });
    const { body } = await metrics.scrape();
    expect(body).not.toContain('state_cache');
    expect(body).not.toContain('group_commit');
  });
});
