import { SqliteEventStore, WrongExpectedVersionError, type EventStore } from '#event-store';
import { RuleViolation, type Command, type Decider, type DomainEvent } from './decider.js';
import { IdempotencyConflict } from './errors.js';
import { handleCommand } from './handle-command.js';
import { StateCache } from './state-cache.js';

/** A counter that refuses to go above a limit: enough to exercise the command path. */
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

const actor = { id: 'officer-1', role: 'secretariat' as const, state: null };
const clock = () => new Date('2026-11-29T10:00:00.000Z');
const context = (commandId: string, extra = {}) => ({
  commandId,
  correlationId: 'c-1',
  causationId: null,
  actor,
  ...extra,
});

describe.each([
  ['without a state cache', () => undefined],
  ['with a state cache', () => new StateCache({ maxStreams: 10, maxEvents: 1000 })],
])('handleCommand %s', (_, newCache) => {
  let store: EventStore;
  let states: StateCache | undefined;
  beforeEach(async () => {
    store = await SqliteEventStore.open(':memory:');
    states = newCache();
  });
  afterEach(() => store.close());
  const run = (by: number, options: Parameters<typeof handleCommand>[4]) =>
    handleCommand(
      { store, clock, states },
      counter,
      'counter-1',
      { type: 'Increment', data: { by } },
      options,
    );

  it('reads, folds, decides and appends with the metadata of the command', async () => {
    await run(3, { context: context('cmd-1') });
    const result = await run(4, {
      context: context('cmd-2', { occurredAt: '2024-11-18T05:00:00.000Z', source: { kind: 'minutes' } }),
    });
    expect(result).toMatchObject({ stream: 'counter-1', revision: 1, position: 2, replayed: false });
    const [, second] = await store.readStream('counter-1');
    expect(second.metadata).toEqual({
      actor,
      commandId: 'cmd-2',
      commandType: 'Increment',
      correlationId: 'c-1',
      causationId: null,
      occurredAt: '2024-11-18T05:00:00.000Z',
      recordedAt: '2026-11-29T10:00:00.000Z',
      source: { kind: 'minutes' },
      visibility: 'public',
    });
  });

  it('lets a rule violation through and writes nothing', async () => {
    await expect(run(11, { context: context('cmd-1') })).rejects.toThrow(RuleViolation);
    expect((await store.head()).position).toBe(0);
  });

  it('replays the first reply for a command id it has already handled', async () => {
    const first = await run(3, { context: context('cmd-1', { commandHash: 'h' }) });
    const again = await run(3, { context: context('cmd-1', { commandHash: 'h' }) });
    expect(again).toEqual({ ...first, replayed: true });
    expect((await store.head()).position).toBe(1);
    await expect(run(5, { context: context('cmd-1', { commandHash: 'other' }) })).rejects.toThrow(
      IdempotencyConflict,
    );
  });

  it('checks If-Match exactly and never retries it', async () => {
    await run(1, { context: context('cmd-1') });
    await expect(
      run(1, { context: context('cmd-2'), expectedRevision: 5, retries: 3 }),
    ).rejects.toMatchObject({
      constructor: WrongExpectedVersionError,
      actual: 0,
    });
  });

  it('retries a conflict by deciding again on the new state, within its bound', async () => {
    const racing = Array.from({ length: 5 }, (_, i) => run(2, { context: context(`cmd-${i}`), retries: 10 }));
    await Promise.all(racing);
    const events = await store.readStream('counter-1');
    expect(events.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
    // The sixth would pass 10: decided again on the current state, it is refused.
    await expect(run(2, { context: context('cmd-6'), retries: 10 })).rejects.toThrow(RuleViolation);
  });

  it('gives up after its retries with the conflict', async () => {
    const racing = Array.from({ length: 5 }, (_, i) => run(1, { context: context(`cmd-${i}`), retries: 0 }));
    const results = await Promise.allSettled(racing);
    const refused = results.filter((r) => r.status === 'rejected');
    for (const r of refused)
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersionError);
    expect((await store.head()).position).toBe(results.length - refused.length);
  });
});
