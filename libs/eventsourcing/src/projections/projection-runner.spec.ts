import Database from 'better-sqlite3';
import { SqliteEventStore } from '#event-store';
import { newEvents } from '#event-store/testing/event-builders.js';
import type { Projection } from './projection.js';
import { ProjectionRunner, type ProjectionRunnerOptions } from './projection-runner.js';
import { countingProjection } from './testing/counting.projection.js';
import { checkpointRows } from './testing/tables.js';

/** The runner over an in-memory store and read-model database. */
describe('ProjectionRunner', () => {
  let store: SqliteEventStore;
  let db: Database.Database;
  const runners: ProjectionRunner[] = [];
  const runner = (projections: readonly Projection[], options?: ProjectionRunnerOptions) => {
    const created = new ProjectionRunner(store, db, projections, options);
    runners.push(created);
    return created;
  };

  beforeEach(async () => {
    store = await SqliteEventStore.open(':memory:');
    db = new Database(':memory:');
  });
  afterEach(async () => {
    for (const created of runners.splice(0)) await created.stop();
    await store.close();
    db.close();
  });

  // Before the fix, every batch wrote its last position as the checkpoint of every projection:
  // a projection ahead of the others (the others new, or rebuilt after a version bump) was moved
  // back to the end of the first batch and then fed again the events it already had.
  it('never moves a projection that is ahead back, nor feeds it events twice', async () => {
    await store.append('numbers-1', newEvents(20));
    const first = runner([countingProjection({ name: 'ahead' })]);
    first.start();
    expect(await first.waitFor(20, 5000)).toBe(true);
    await first.stop();

    const ahead = countingProjection({ name: 'ahead' });
    const added = countingProjection({ name: 'added' });
    const errors: unknown[] = [];
    const second = runner([ahead, added], { maxBatch: 5, onError: (error) => errors.push(error) });
    second.start();

    const reached = await second.waitFor(20, 5000);
    expect(errors).toEqual([]);
    expect(reached).toBe(true);
    expect([ahead.applied, added.applied]).toEqual([0, 20]);
    expect(checkpointRows(db)).toEqual([
      { name: 'added', version: 1, position: 20 },
      { name: 'ahead', version: 1, position: 20 },
    ]);
    expect((await second.status()).map((s) => [s.name, s.state, s.position])).toEqual([
      ['ahead', 'live', 20],
      ['added', 'live', 20],
    ]);
  });

  // Before the fix, stop() applied the events still buffered outside the failure handling: a
  // projection throwing on one of them made stop() reject (EventSourcingModule's shutdown then
  // skipped closing the store and the read-model database) and the runner did not say 'failed'.
  it('reports a projection failing on the events stop() applies, instead of throwing from stop()', async () => {
    const fragile = countingProjection({ failOn: (event) => event.type === 'Poison' });
    const errors: unknown[] = [];
    const stopping = runner([fragile], { onError: (error) => errors.push(error) });
    stopping.start();
    await store.append('numbers-1', newEvents(2));
    expect(await stopping.waitFor(2, 5000)).toBe(true);
    const waiting = stopping.waitFor(3, 5000);

    await store.append('poison-1', newEvents(1, 'Poison'));
    // Every pending promise reaction has run: the runner holds the event, its flush is not due.
    await new Promise((resolve) => process.nextTick(resolve));
    await stopping.stop();

    expect(errors).toEqual([new Error('counting cannot apply Poison at 3')]);
    expect(await waiting).toBe(false);
    const [status] = await stopping.status();
    expect(status).toMatchObject({
      state: 'failed',
      position: 2,
      error: 'counting cannot apply Poison at 3',
    });
    expect(checkpointRows(db)).toEqual([{ name: 'counting', version: 1, position: 2 }]);
  });

  it('answers waitFor at once for a position already reached, and false after the time-out otherwise', async () => {
    const idle = runner([countingProjection()]);
    expect(await idle.waitFor(0, 10)).toBe(true);
    await store.append('numbers-1', newEvents(3));
    // Not started: the position is never reached.
    expect(await idle.waitFor(1, 20)).toBe(false);
    idle.start();
    expect(await idle.waitFor(3, 5000)).toBe(true);
    expect(await idle.waitFor(2, 0)).toBe(true);
  });

  it('reports position 0 and the whole log as lag before it starts', async () => {
    await store.append('numbers-1', newEvents(4));
    const idle = runner([countingProjection()]);
    expect(idle.position).toBe(0);
    const [status] = await idle.status();
    expect(status).toMatchObject({ state: 'stopped', position: 0, headPosition: 4, lagEvents: 4 });
  });

  it('can be stopped and started again, going on from where it was', async () => {
    const counting = countingProjection();
    const restarted = runner([counting]);
    restarted.start();
    await store.append('numbers-1', newEvents(5));
    expect(await restarted.waitFor(5, 5000)).toBe(true);
    await restarted.stop();
    await store.append('numbers-1', newEvents(5));
    restarted.start();
    expect(await restarted.waitFor(10, 5000)).toBe(true);
    expect(counting.applied).toBe(10);
  });
});
