import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '#event-store';
import { statementsFor, type Projection } from '#eventsourcing';
import { createCorrelationTable, dropCorrelationTable } from './audit.schema.js';
import { visibilityOf } from '../shared/row-visibility.js';

const statements = statementsFor((db: Database) => ({
  add: db.prepare(
    `INSERT OR REPLACE INTO rm_audit_correlation VALUES (@correlationId, @position, @eventId, @causationId,
       @stream, @revision, @type, @actorId, @actorRole, @actorState, @commandId, @commandType, @occurredAt,
       @recordedAt, @visibility, @states)`,
  ),
}));

/**
 * Correlation chains: every event under its correlation id, with the id of the event that caused
 * it (a process manager's command carries the event it reacts to as its causation).
 */
export const auditCorrelationsProjection: Projection = {
  name: 'audit-correlations',
  // 2: the visibility and states of each event (docs/visibility.md).
  version: 2,
  // Every event: a command's events carry its correlation id.

  // One row per event, written by it and never changed: "as of" reads it up to a position.
  ledgers: { rm_audit_correlation: 'position' },

  setup: createCorrelationTable,

  reset(db: Database): void {
    statements.forget(db);
    dropCorrelationTable(db);
  },

  apply(db: Database, event: RecordedEvent): void {
    const m = event.metadata;
    statements(db).add.run({
      // Events written before correlation ids existed are their own chain.
      correlationId: m.correlationId ?? m.commandId ?? event.id,
      position: event.position,
      eventId: event.id,
      causationId: m.causationId ?? null,
      stream: event.stream,
      revision: event.revision,
      type: event.type,
      actorId: m.actor?.id ?? null,
      actorRole: m.actor?.role ?? null,
      actorState: m.actor?.state ?? null,
      commandId: m.commandId ?? null,
      commandType: m.commandType ?? null,
      occurredAt: m.occurredAt ?? null,
      recordedAt: m.recordedAt ?? null,
      // One row per event: its visibility and states are the event's own (docs/visibility.md).
      visibility: visibilityOf(event).visibility,
      states: visibilityOf(event).states,
    });
  },
};
