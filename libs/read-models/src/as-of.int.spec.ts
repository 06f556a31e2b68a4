import Database from 'better-sqlite3';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type NewEvent, type RecordedEvent } from '#event-store';
import { newEvent } from '#event-store/testing/event-builders.js';
import { AsOfReplayer, ProjectionRunner, Snapshots } from '#eventsourcing';
import { allProjections } from './index.js';

const TABLES = ['rm_plan', 'rm_plan_activity', 'rm_plan_activity_link'];
const MEMBERS = ['AZ', 'KZ', 'KG', 'TR', 'UZ'];

/** A plan's life as its wire events: drafted, activities, adopted, some scheduled and moved along. */
function planLife(plan: number, activities: number, lived: number[], day: (n: number) => string): NewEvent[] {
  const planId = `plan-${plan}`;
  const at = (n: number) => ({ metadata: { occurredAt: day(n) } });
  const events = [
    newEvent('PlanDrafted', { planId, seriesId: 's', year: 2025, title: { en: planId } }, at(0)),
    ...Array.from({ length: activities }, (_, i) =>
      newEvent(
        'ActivityAddedToPlan',
        {
          planId,
          activityId: `a-${i}`,
          kind: 'forum',
          title: { en: `a-${i}` },
          leadState: MEMBERS[i % 5],
          leadInstitutionId: null,
          participatingStates: MEMBERS,
          plannedStart: '2025-03-01',
          plannedEnd: '2025-03-03',
        },
        at(1 + i),
      ),
    ),
    newEvent(
      'PlanAdopted',
      {
        planId,
        decision: { meetingId: 'm', decisionId: planId },
        adoptedOn: '2024-11-18',
        adoptingStates: MEMBERS,
      },
      at(9),
    ),
  ];
  lived.slice(0, activities).forEach((steps, i) => {
    const activityId = `${planId}-a-${i}`;
    const life = [
      newEvent(
        'ActivityScheduled',
        {
          activityId,
          planId,
          planActivityId: `a-${i}`,
          plannedStart: '2025-03-02',
          plannedEnd: '2025-03-04',
        },
        at(10 + i),
      ),
      newEvent('ActivityStarted', { activityId, startedOn: '2025-03-02' }, at(20 + i)),
      newEvent('ProgressReported', { activityId, progress: 40 + i, asOf: '2025-03-03' }, at(30 + i)),
      newEvent('ActivityCompleted', { activityId, completedOn: '2025-03-04' }, at(40 + i)),
    ];
    events.push(...life.slice(0, steps));
  });
  return events;
}

const logArbitrary = fc.record({
  plans: fc.array(
    fc.record({
      activities: fc.integer({ min: 0, max: 3 }),
      lived: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 3, maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  snapshotEvery: fc.integer({ min: 1, max: 12 }),
  // Snapshot spacing that grows with the log, and thinning of the older ones.
  growth: fc.constantFrom(0, 0.05, 0.5),
  keepRecent: fc.integer({ min: 1, max: 4 }),
  shuffleDays: fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 60, maxLength: 60 }),
  cutoff: fc.integer({ min: 0, max: 50 }),
});

const day = (offsets: number[]) => (n: number) =>
  new Date(Date.UTC(2024, 0, 1 + offsets[n % offsets.length])).toISOString();

function rebuilt(events: readonly RecordedEvent[]) {
  const db = new Database(':memory:');
  for (const p of allProjections) p.setup(db);
  for (const event of events)
    for (const p of allProjections)
      if (!p.eventTypes || p.eventTypes.includes(event.type)) p.apply(db, event);
  const rows = Object.fromEntries(
    TABLES.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()]),
  );
  db.close();
  return rows;
}

const rows = (db: Database.Database) =>
  Object.fromEntries(TABLES.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()]));

describe('"as of" replays', () => {
  it('equal a rebuild from zero at every position, whether they start from a snapshot or not', async () => {
    await fc.assert(
      fc.asyncProperty(
        logArbitrary,
        async ({ plans, snapshotEvery, growth, keepRecent, shuffleDays, cutoff }) => {
          const dir = mkdtempSync(join(tmpdir(), 'kurultai-asof-'));
          const store = await SqliteEventStore.open(join(dir, 'events.sqlite'));
          const live = new Database(join(dir, 'read-models.sqlite'));
          live.pragma('journal_mode = WAL'); // as the engine opens it
          const snapshots = new Snapshots(join(dir, 'snapshots'), {
            every: snapshotEvery,
            growth,
            keepRecent,
            store,
          });
          const runner = new ProjectionRunner(store, live, allProjections, {
            maxBatch: 3,
            onFlushed: (p) => snapshots.maybeTake(live, p),
          });
          try {
            runner.start();
            for (const [i, plan] of plans.entries()) {
              for (const event of planLife(i, plan.activities, plan.lived, day(shuffleDays))) {
                const { position } = await store.append(`stream-${i}-${event.type}-${event.id}`, [event]);
                await runner.waitFor(position, 5000);
              }
            }
            await snapshots.settle();
            const log = await store.readAll();
            if (log.length >= 2 * snapshotEvery + 2) expect(snapshots.list().length).toBeGreaterThan(0);
            const replayer = new AsOfReplayer(store, allProjections, snapshots, { cacheSize: 2, batch: 4 });
            for (let position = 0; position <= log.length; position++) {
              const view = await replayer.open({ kind: 'position', position });
              expect(rows(view.db)).toEqual(rebuilt(log.slice(0, position)));
            }
            // By occurred time, from the snapshots whose events had all happened by then
            const at = new Date(Date.UTC(2024, 0, 1 + cutoff)).toISOString();
            const occurred = await replayer.open({ kind: 'occurred', at });
            expect(rows(occurred.db)).toEqual(rebuilt(log.filter((e) => e.metadata.occurredAt <= at)));
            await replayer.close();
          } finally {
            await runner.stop();
            await snapshots.settle();
            live.close();
            await store.close();
            rmSync(dir, { recursive: true, force: true });
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  it('by occurred time equal a rebuild from the events that had happened by then, in log order', async () => {
    await fc.assert(
      fc.asyncProperty(logArbitrary, async ({ plans, shuffleDays, cutoff }) => {
        const store = await SqliteEventStore.open(':memory:');
        try {
          const when = day(shuffleDays);
          for (const [i, plan] of plans.entries()) {
            for (const event of planLife(i, plan.activities, plan.lived, when))
              await store.append(`s-${event.id}`, [event]);
          }
          const log = await store.readAll();
          const at = new Date(Date.UTC(2024, 0, 1 + cutoff)).toISOString();
          const replayer = new AsOfReplayer(store, allProjections, null);
          const view = await replayer.open({ kind: 'occurred', at });
          expect(rows(view.db)).toEqual(rebuilt(log.filter((e) => e.metadata.occurredAt <= at)));
          await replayer.close();
        } finally {
          await store.close();
        }
      }),
      { numRuns: 30 },
    );
  });
});
