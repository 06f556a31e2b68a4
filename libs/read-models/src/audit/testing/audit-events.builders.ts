import Database from 'better-sqlite3';
import type { EventMetadata, RecordedEvent } from '#event-store';
import { newEvent } from '#event-store/testing/event-builders.js';
import { auditActorsProjection } from '../audit-actors.projection.js';
import { auditCorrelationsProjection } from '../audit-correlations.projection.js';

export const OFFICER = { id: 'local-operator', role: 'secretariat' as const, state: null };
export const PROCESS = { id: 'process:decision-follow-through', role: 'system' as const, state: null };
export const FOCAL_POINT = { id: 'focal-kz', role: 'focal-point' as const, state: 'KZ' };

/** A recorded event at `position`, its metadata as the engine writes it with these overrides. */
export function recorded(
  position: number,
  type: string,
  stream: string,
  metadata: Partial<EventMetadata> = {},
  revision = 0,
): RecordedEvent {
  const recordedAt = new Date(Date.UTC(2025, 0, position)).toISOString();
  const event = newEvent(type, { n: position }, { metadata: { recordedAt, ...metadata } });
  return { ...event, stream, revision, position };
}

/**
 * The Tashkent decision and what followed: the officer records the decision (1) and an activity
 * (2); the process manager adopts the plan (3), caused by the decision; a focal point reports (4).
 */
export function tashkentLog(): RecordedEvent[] {
  const chain = 'scenario.tashkent';
  const decision = recorded(1, 'DecisionRecorded', 'meeting-6', {
    actor: OFFICER,
    commandId: 'cmd-decision',
    commandType: 'RecordDecision',
    correlationId: chain,
  });
  return [
    decision,
    recorded(2, 'ActivityAddedToPlan', 'plan-2025', {
      actor: OFFICER,
      commandId: 'cmd-add',
      commandType: 'AddActivityToPlan',
      correlationId: chain,
    }),
    recorded(
      3,
      'PlanAdopted',
      'plan-2025',
      {
        actor: PROCESS,
        commandId: 'cmd-adopt',
        commandType: 'AdoptPlan',
        correlationId: chain,
        causationId: decision.id,
      },
      1,
    ),
    recorded(4, 'ProgressReported', 'activity-forum', {
      actor: FOCAL_POINT,
      commandId: 'cmd-progress',
      commandType: 'ReportProgress',
    }),
  ];
}

/** The audit read models' database after these events. */
export function givenAudit(events: readonly RecordedEvent[]): Database.Database {
  const db = new Database(':memory:');
  for (const projection of [auditActorsProjection, auditCorrelationsProjection]) {
    projection.setup(db);
    for (const event of events) projection.apply(db, event);
  }
  return db;
}
