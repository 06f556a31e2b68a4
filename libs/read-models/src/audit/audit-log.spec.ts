import Database from 'better-sqlite3';
import { SqliteEventStore, StreamNotFoundError, type EventStore } from '#event-store';
import { newEvent } from '#event-store/testing/event-builders.js';
import {
  applyEvent,
  FULL_VIEWER,
  setupProvenance,
  type EventSourcingOptions,
  type Projection,
  type ReadModels,
} from '#eventsourcing';
import { asOfPredicate, entityHistory, eventsAt } from './audit-log.js';
import { GetEntityHistory, GetEntityHistoryHandler } from './audit.queries.js';
import { GetRowProvenance, GetRowProvenanceHandler } from './row-provenance.queries.js';

const at = (day: number, occurred = day) => ({
  metadata: {
    recordedAt: new Date(Date.UTC(2025, 0, day)).toISOString(),
    occurredAt: new Date(Date.UTC(2024, 10, occurred)).toISOString(),
    commandType: 'PostponeActivity',
    source: { kind: 'minutes', title: 'Minutes' },
  },
});

/** Touches the row `forum` with every event: enough to have provenance. */
const rowsProjection: Projection = {
  name: 'forums',
  version: 1,
  setup: () => undefined,
  reset: () => undefined,
  apply: () => undefined,
  rowsOf: (event) => (event.stream === 'activity-forum' ? ['plan/forum'] : []),
};

describe('the audit over the store', () => {
  let store: EventStore;

  beforeEach(async () => {
    store = await SqliteEventStore.open(':memory:');
    await store.append('activity-forum', [newEvent('ActivityScheduled', { activityId: 'forum' }, at(1, 20))]);
    await store.append('activity-other', [newEvent('ActivityScheduled', { activityId: 'other' }, at(2))]);
    await store.append('activity-forum', [
      newEvent('ActivityStarted', { activityId: 'forum' }, at(3)),
      newEvent('ActivityPostponed', { activityId: 'forum' }, at(4, 2)),
    ]);
  });
  afterEach(() => store.close());

  it("gives an entity's events oldest first with the whole envelope, a page at a time", async () => {
    const history = await entityHistory(
      store,
      'activity-forum',
      { limit: 2, offset: 1 },
      undefined,
      FULL_VIEWER,
    );
    expect(history).toMatchObject({ stream: 'activity-forum', total: 3, limit: 2, offset: 1 });
    expect(history?.items.map((e) => [e.revision, e.position, e.type])).toEqual([
      [1, 3, 'ActivityStarted'],
      [2, 4, 'ActivityPostponed'],
    ]);
    expect(history?.items[1]).toMatchObject({
      schemaVersion: 1,
      occurredAt: '2024-11-02T00:00:00.000Z',
      recordedAt: '2025-01-04T00:00:00.000Z',
      actor: { id: 'officer-1', role: 'secretariat', state: null },
      commandType: 'PostponeActivity',
      causationId: null,
      source: { kind: 'minutes', title: 'Minutes' },
      visibility: 'internal',
      data: { activityId: 'forum' },
    });
    expect(
      (await entityHistory(store, 'activity-forum', { limit: 2, offset: 5 }, undefined, FULL_VIEWER))?.items,
    ).toEqual([]);
    await expect(
      entityHistory(store, 'activity-none', { limit: 2, offset: 0 }, undefined, FULL_VIEWER),
    ).rejects.toThrow(StreamNotFoundError);
  });

  it('keeps what was recorded, or what had happened, by an asOf', async () => {
    const types = async (asOf: string) =>
      (
        await entityHistory(
          store,
          'activity-forum',
          { limit: 50, offset: 0 },
          asOfPredicate(asOf)!,
          FULL_VIEWER,
        )
      )?.items.map((e) => e.type);
    expect(await types('position:3')).toEqual(['ActivityScheduled', 'ActivityStarted']);
    expect(await types('2025-01-01')).toEqual(['ActivityScheduled']);
    expect(await types('occurred:2024-11-03')).toEqual(['ActivityStarted', 'ActivityPostponed']);
    expect(await types('2024-12-01')).toBeUndefined();
    expect(asOfPredicate('2025-02-30T25:00Z')).toBeNull();
  });

  it('reads the events at given positions, leaving out positions the log lacks', async () => {
    expect((await eventsAt(store, [4, 1, 9])).map((e) => e.position)).toEqual([4, 1]);
  });

  it('answers 404 for an entity without events then, 400 for an asOf that is no time', async () => {
    const handler = new GetEntityHistoryHandler(store);
    const page = { limit: 50, offset: 0 };
    await expect(
      handler.execute(new GetEntityHistory('activity-forum', page, { asOf: '2020-01-01' })),
    ).rejects.toMatchObject({
      problem: { status: 404 },
    });
    await expect(
      handler.execute(new GetEntityHistory('activity-forum', page, { asOf: '2025-13-40' })),
    ).rejects.toMatchObject({
      problem: { status: 400, errors: [{ field: 'asOf' }] },
    });
  });

  it('explains a row by the events that produced it, oldest first; 404 for unknown read models and rows', async () => {
    const db = new Database(':memory:');
    setupProvenance(db);
    for (const event of await store.readAll()) applyEvent(db, rowsProjection, event);
    const readModels = { view: async () => ({ db, asOfPosition: null, today: '2025-01-01' }) };
    const options = { projections: [rowsProjection] } as unknown as EventSourcingOptions;
    const handler = new GetRowProvenanceHandler(readModels as unknown as ReadModels, store, options);
    const result = await handler.execute(
      new GetRowProvenance('forums', 'plan/forum', { limit: 2, offset: 1 }, {}, FULL_VIEWER),
    );
    expect(result).toMatchObject({
      projection: 'forums',
      rowKey: 'plan/forum',
      total: 3,
      limit: 2,
      offset: 1,
    });
    expect(result.items.map((e) => [e.position, e.type])).toEqual([
      [3, 'ActivityStarted'],
      [4, 'ActivityPostponed'],
    ]);
    for (const [projection, row] of [
      ['unknown', 'plan/forum'],
      ['forums', 'plan/none'],
    ]) {
      await expect(
        handler.execute(new GetRowProvenance(projection, row, { limit: 2, offset: 0 })),
      ).rejects.toMatchObject({
        problem: { status: 404 },
      });
    }
  });
});
