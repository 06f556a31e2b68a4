import { SqliteEventStore, type EventStore, type ReadStreamOptions, type RecordedEvent } from '#event-store';
import { RuleViolation, type Command, type Decider, type DomainEvent } from './decider.js';
import { IdempotencyConflict } from './errors.js';
import { handleCommand } from './handle-command.js';
import { attachStateCache, StateCache } from './state-cache.js';

/** A counter that refuses to go above 10. */
type Increment = Command<'Increment', { by: number }>;
type Incremented = DomainEvent<'Incremented', { by: number }>;
const counter: Decider<Increment, Incremented, number> = {
  initialState: () => 0,
  evolve: (total, event) => total + event.data.by,
  decide: (command, total) => {
    if (total + command.data.by > 10) throw new RuleViolation('counter.limit', 'at most 10');
    return [{ type: 'Incremented', data: { by: command.data.by } }];
  },
};
/** The same stream folded another way: it must not share the counter's cached state. */
const tally: Decider<Increment, Incremented, number> = { ...counter, evolve: (n) => n + 1 };

const actor = { id: 'officer-1', role: 'secretariat' as const, state: null };
const clock = () => new Date('2026-11-29T10:00:00.000Z');
const context = (commandId: string, commandHash?: string) => ({
  commandId,
  correlationId: commandId,
  causationId: null,
  actor,
  ...(commandHash ? { commandHash } : {}),
});

describe('the state cache of command handling', () => {
  let store: EventStore;
  let reads: (ReadStreamOptions & { stream: string; returned: number })[];
  let states: StateCache;
  beforeEach(async () => {
    const sqlite = await SqliteEventStore.open(':memory:');
    reads = [];
    // The store as it is, recording which revisions each read asked for.
    store = Object.assign(Object.create(sqlite) as EventStore, {
      readStream: async (stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> => {
        const events = await sqlite.readStream(stream, options).catch((error: unknown) => {
          reads.push({ stream, ...options, returned: -1 });
          throw error;
        });
        reads.push({ stream, ...options, returned: events.length });
        return events;
      },
      append: sqlite.append.bind(sqlite),
      head: sqlite.head.bind(sqlite),
      close: sqlite.close.bind(sqlite),
    });
    states = new StateCache({ maxStreams: 100, maxEvents: 10_000 });
  });
  afterEach(() => store.close());

  const increment = (
    by: number,
    commandId: string,
    options: { retries?: number; commandHash?: string } = {},
  ) =>
    handleCommand(
      { store, clock, states },
      counter,
      'counter-1',
      { type: 'Increment', data: { by } },
      {
        context: context(commandId, options.commandHash),
        retries: options.retries,
      },
    );

  it('given a cached fold, when the next command comes, then it reads only the events after the cached revision', async () => {
    await increment(1, 'cmd-1');
    await increment(1, 'cmd-2');
    await increment(1, 'cmd-3');
    expect(reads.map((r) => [r.fromRevision ?? 0, r.returned])).toEqual([
      [0, -1], // the stream does not exist yet: a miss
      [0, 1], // cached at -1 (no events): reads from 0 and finds the first command's event
      [1, 1],
    ]);
    expect([states.hits, states.misses]).toEqual([2, 1]);
  });

  it('given a cached fold, when someone else appends to the stream, then the next command decides on their events too', async () => {
    await increment(3, 'cmd-1');
    await increment(1, 'cmd-2');
    await store.append('counter-1', [
      {
        id: 'written-elsewhere',
        type: 'Incremented',
        schemaVersion: 1,
        data: { by: 6 },
        metadata: {
          ...context('elsewhere'),
          occurredAt: clock().toISOString(),
          recordedAt: clock().toISOString(),
          visibility: 'public',
        },
      },
    ]);
    // 3 + 1 + 6 = 10: one more is over the limit, whatever the cache held.
    await expect(increment(1, 'cmd-3')).rejects.toThrow(RuleViolation);
    expect(states.hits).toBeGreaterThan(0);
  });

  it('given a command already handled before the cached revision, when it is retried, then its first reply comes back', async () => {
    const first = await increment(2, 'cmd-1', { commandHash: 'h1' });
    await increment(2, 'cmd-2');
    await increment(2, 'cmd-3');
    expect(await increment(2, 'cmd-1', { commandHash: 'h1' })).toEqual({ ...first, replayed: true });
    await expect(increment(5, 'cmd-1', { commandHash: 'other' })).rejects.toThrow(IdempotencyConflict);
    expect((await store.head()).position).toBe(3);
  });

  it('given concurrent commands on one stream, when they conflict, then they decide again on what followed the cached revision', async () => {
    await increment(1, 'cmd-0');
    const racing = Array.from({ length: 4 }, (_, i) => increment(2, `cmd-${i + 1}`, { retries: 10 }));
    await Promise.all(racing);
    // 1 + 4 × 2 = 9: a fifth +2 would pass 10, decided on the true state.
    await expect(increment(2, 'cmd-5', { retries: 10 })).rejects.toThrow(RuleViolation);
    // Only the first command read the stream whole; the others and their retries read from a cached revision on.
    expect(reads.filter((r) => r.fromRevision === undefined)).toHaveLength(1);
    const events = await store.readStream('counter-1');
    expect(events.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
    expect(states.evictions).toBe(0);
  });

  it('given a cached fold ahead of the stream, when its append conflicts, then it is forgotten and the stream read whole', async () => {
    await increment(1, 'cmd-1');
    await increment(1, 'cmd-2');
    // A fold no store would give: revision 5 of a stream at revision 1 (a replaced file, a bug).
    const entry = states.get('counter-1', counter)!;
    states.set('counter-1', { ...entry, revision: 5, state: 0 });
    const result = await increment(2, 'cmd-3', { retries: 1 });
    expect(result.revision).toBe(2);
    const last = reads[reads.length - 1];
    expect([last.fromRevision, last.returned]).toEqual([undefined, 2]);
    expect((await store.readStream('counter-1')).map((e) => e.data.by)).toEqual([1, 1, 2]);
  });

  it('given another decider of the same stream, when it handles a command, then it folds its own state', async () => {
    await increment(4, 'cmd-1');
    await increment(4, 'cmd-2');
    const tallied = await handleCommand(
      { store, clock, states },
      tally,
      'counter-1',
      { type: 'Increment', data: { by: 2 } },
      {
        context: context('cmd-3'),
      },
    );
    expect(tallied.revision).toBe(2);
    // The counter's cached total (8) would refuse +3; it is still the counter's entry that serves it.
    await expect(increment(3, 'cmd-4')).rejects.toThrow(RuleViolation);
  });

  it('given more streams or events than its bounds, when more are cached, then the least recently used go', async () => {
    const small = new StateCache({ maxStreams: 2, maxEvents: 5 });
    const on = (stream: string, commandId: string) =>
      handleCommand(
        { store, clock, states: small },
        counter,
        stream,
        { type: 'Increment', data: { by: 1 } },
        {
          context: context(commandId),
        },
      );
    await on('counter-a', 'a1');
    await on('counter-b', 'b1');
    await on('counter-c', 'c1');
    expect(small.size).toBe(2);
    expect(small.evictions).toBe(1);
    for (let i = 2; i <= 5; i++) await on('counter-c', `c${i}`);
    // counter-c folded 4 events (+1): it alone fills the bound of 5.
    expect(small.events).toBeLessThanOrEqual(5);
    expect(small.size).toBe(1);
  });

  it('given a cache attached to the store, when handleCommand is not given one, then it uses that cache', async () => {
    const attached = new StateCache({ maxStreams: 10, maxEvents: 100 });
    attachStateCache(store, attached);
    for (const id of ['x1', 'x2'])
      await handleCommand(
        { store, clock },
        counter,
        'counter-x',
        { type: 'Increment', data: { by: 1 } },
        {
          context: context(id),
        },
      );
    expect([attached.hits, attached.misses]).toEqual([1, 1]);
  });

  it('refuses bounds that are not whole numbers of at least one', () => {
    expect(() => new StateCache({ maxStreams: 0, maxEvents: 10 })).toThrow(RangeError);
    expect(() => new StateCache({ maxStreams: 10, maxEvents: 1.5 })).toThrow(RangeError);
  });
});
