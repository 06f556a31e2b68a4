import { FULL_VIEWER } from '#eventsourcing';
import { actorHistory, auditTimeline } from './audit.query.js';
import { correlationChain } from './correlation.query.js';
import { givenAudit, tashkentLog } from './testing/audit-events.builders.js';

const page = { limit: 50, offset: 0 };

describe('audit queries', () => {
  const log = tashkentLog();
  const db = givenAudit(log);
  const positions = (result: { items: { position: number }[] }) => result.items.map((i) => i.position);

  describe('the timeline', () => {
    it('lists the log newest first, a page at a time', () => {
      expect(positions(auditTimeline(db, page, FULL_VIEWER))).toEqual([4, 3, 2, 1]);
      expect(auditTimeline(db, { limit: 2, offset: 1 }, FULL_VIEWER)).toMatchObject({
        items: [{ position: 3 }, { position: 2 }],
        total: 4,
        limit: 2,
        offset: 1,
      });
    });

    it('filters by actor, type and stream', () => {
      expect(positions(auditTimeline(db, { ...page, actor: 'local-operator' }, FULL_VIEWER))).toEqual([2, 1]);
      expect(positions(auditTimeline(db, { ...page, type: 'PlanAdopted' }, FULL_VIEWER))).toEqual([3]);
      expect(positions(auditTimeline(db, { ...page, stream: 'plan-2025' }, FULL_VIEWER))).toEqual([3, 2]);
    });

    it('filters by recorded time: a day alone is the whole day', () => {
      expect(
        positions(auditTimeline(db, { ...page, from: '2025-01-02', to: '2025-01-03' }, FULL_VIEWER)),
      ).toEqual([3, 2]);
      expect(
        positions(auditTimeline(db, { ...page, from: '2025-01-03T00:00:00.001Z' }, FULL_VIEWER)),
      ).toEqual([4]);
      expect(positions(auditTimeline(db, { ...page, to: '2025-01-01T01:00:00+01:00' }, FULL_VIEWER))).toEqual(
        [1],
      );
    });

    it('shows each entry with its actor and command', () => {
      expect(auditTimeline(db, { ...page, type: 'PlanAdopted' }, FULL_VIEWER).items[0]).toEqual({
        position: 3,
        eventId: log[2].id,
        stream: 'plan-2025',
        type: 'PlanAdopted',
        actor: { id: 'process:decision-follow-through', role: 'system', state: null },
        commandId: 'cmd-adopt',
        commandType: 'AdoptPlan',
        correlationId: 'scenario.tashkent',
        occurredAt: '2024-11-18T09:00:00.000Z',
        recordedAt: '2025-01-03T00:00:00.000Z',
        visibility: 'internal',
      });
    });
  });

  describe("an actor's history", () => {
    it('sums up what they did and lists it newest first', () => {
      expect(actorHistory(db, 'local-operator', page, FULL_VIEWER)).toMatchObject({
        actorId: 'local-operator',
        summary: {
          events: 2,
          commands: 2,
          roles: ['secretariat'],
          states: [],
          firstRecordedAt: '2025-01-01T00:00:00.000Z',
          lastRecordedAt: '2025-01-02T00:00:00.000Z',
        },
        items: [{ position: 2, commandType: 'AddActivityToPlan' }, { position: 1 }],
        total: 2,
      });
      expect(actorHistory(db, 'focal-kz', page, FULL_VIEWER)?.summary).toMatchObject({
        roles: ['focal-point'],
        states: ['KZ'],
      });
    });

    it('pages and bounds the list by time, not the summary', () => {
      const history = actorHistory(db, 'local-operator', { ...page, from: '2025-01-02' }, FULL_VIEWER);
      expect(history).toMatchObject({ summary: { events: 2 }, items: [{ position: 2 }], total: 1 });
    });

    it('is null for an actor the log holds nothing of', () => {
      expect(actorHistory(db, 'nobody', page, FULL_VIEWER)).toBeNull();
    });
  });

  describe('a correlation chain', () => {
    it('lists every event sharing the id, oldest first, with what caused what', () => {
      const chain = correlationChain(db, 'scenario.tashkent', page, FULL_VIEWER);
      expect(chain).toMatchObject({ correlationId: 'scenario.tashkent', total: 3, limit: 50, offset: 0 });
      const decisionRef = { eventId: log[0].id, position: 1, stream: 'meeting-6', type: 'DecisionRecorded' };
      const adoptionRef = { eventId: log[2].id, position: 3, stream: 'plan-2025', type: 'PlanAdopted' };
      expect(chain?.items[0]).toMatchObject({
        causedBy: null,
        caused: [adoptionRef],
        commandType: 'RecordDecision',
      });
      expect(chain?.items[1]).toMatchObject({ causedBy: null, caused: [] });
      expect(chain?.items[2]).toEqual({
        position: 3,
        eventId: log[2].id,
        stream: 'plan-2025',
        revision: 1,
        type: 'PlanAdopted',
        actor: { id: 'process:decision-follow-through', role: 'system', state: null },
        commandId: 'cmd-adopt',
        commandType: 'AdoptPlan',
        occurredAt: '2024-11-18T09:00:00.000Z',
        recordedAt: '2025-01-03T00:00:00.000Z',
        causationId: log[0].id,
        causedBy: decisionRef,
        caused: [],
      });
    });

    it('pages, and is null for an id no event carries', () => {
      expect(
        positions(correlationChain(db, 'scenario.tashkent', { limit: 1, offset: 2 }, FULL_VIEWER)!),
      ).toEqual([3]);
      expect(correlationChain(db, 'unknown', page, FULL_VIEWER)).toBeNull();
    });
  });
});
