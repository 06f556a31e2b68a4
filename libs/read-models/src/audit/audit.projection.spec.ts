import { auditActorsProjection } from './audit-actors.projection.js';
import { auditCorrelationsProjection } from './audit-correlations.projection.js';
import { givenAudit, recorded, tashkentLog } from './testing/audit-events.builders.js';

describe('audit projections', () => {
  it('read every event of the log', () => {
    expect(auditActorsProjection.eventTypes).toBeUndefined();
    expect(auditCorrelationsProjection.eventTypes).toBeUndefined();
    expect([auditActorsProjection.name, auditCorrelationsProjection.name]).toEqual([
      'audit-actors',
      'audit-correlations',
    ]);
  });

  it('given an event, then rm_audit_actor holds who did it, through which command, and when', () => {
    const [decision] = tashkentLog();
    const db = givenAudit([decision]);
    expect(db.prepare('SELECT * FROM rm_audit_actor').all()).toEqual([
      {
        position: 1,
        event_id: decision.id,
        actor_id: 'local-operator',
        actor_role: 'secretariat',
        actor_state: null,
        stream: 'meeting-6',
        type: 'DecisionRecorded',
        command_id: 'cmd-decision',
        command_type: 'RecordDecision',
        correlation_id: 'scenario.tashkent',
        occurred_at: '2024-11-18T09:00:00.000Z',
        recorded_at: '2025-01-01T00:00:00.000Z',
        visibility: 'internal',
        states: '[]',
      },
    ]);
  });

  it('given a process manager reacting to a decision, then rm_audit_correlation links the effect to its cause', () => {
    const log = tashkentLog();
    const db = givenAudit(log);
    const rows = db
      .prepare('SELECT correlation_id, position, event_id, causation_id, actor_id FROM rm_audit_correlation')
      .all();
    expect(rows).toEqual([
      {
        correlation_id: 'scenario.tashkent',
        position: 1,
        event_id: log[0].id,
        causation_id: null,
        actor_id: 'local-operator',
      },
      {
        correlation_id: 'scenario.tashkent',
        position: 2,
        event_id: log[1].id,
        causation_id: null,
        actor_id: 'local-operator',
      },
      {
        correlation_id: 'scenario.tashkent',
        position: 3,
        event_id: log[2].id,
        causation_id: log[0].id,
        actor_id: 'process:decision-follow-through',
      },
      {
        correlation_id: log[3].metadata.correlationId,
        position: 4,
        event_id: log[3].id,
        causation_id: null,
        actor_id: 'focal-kz',
      },
    ]);
  });

  it('takes events whose metadata lacks the command type or the actor', () => {
    const event = recorded(1, 'Numbered', 'test-1');
    const bare = { ...event, metadata: { ...event.metadata, actor: undefined, commandType: undefined } };
    const db = givenAudit([bare as unknown as typeof event]);
    expect(db.prepare('SELECT actor_id, command_type FROM rm_audit_actor').get()).toEqual({
      actor_id: null,
      command_type: null,
    });
  });

  it('drops their tables on reset', () => {
    const db = givenAudit(tashkentLog());
    auditActorsProjection.reset(db);
    auditCorrelationsProjection.reset(db);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'rm_audit%'").all()).toEqual([]);
  });
});
