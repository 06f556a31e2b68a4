import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '#event-store';
import { statementsFor, type Projection } from '#eventsourcing';
import { createActorTable, dropActorTable } from './audit.schema.js';
import { visibilityOf } from '../shared/row-visibility.js';

const statements = statementsFor((db: Database) => ({
  add: db.prepare(
    `INSERT OR REPLACE INTO rm_audit_actor VALUES (@position, @eventId, @actorId, @actorRole, @actorState,
       @stream, @type, @commandId, @commandType, @correlationId, @occurredAt, @recordedAt, @visibility, @states)`,
  ),
}));

/** Who did what: every event of the log under its actor, with the command it came from. */
export const auditActorsProjection: Projection = {
  name: 'audit-actors',
  // 2: the states each event concerns, for its visibility (docs/visibility.md).
  version: 2,
  // Every event: all of them have an actor.

  // One row per event, written by it and never changed: "as of" reads it up to a position.
  ledgers: { rm_audit_actor: 'position' },

  setup: createActorTable,

  reset(db: Database): void {
    statements.forget(db);
    dropActorTable(db);
  },

  apply(db: Database, event: RecordedEvent): void {
    const m = event.metadata;
    statements(db).add.run({
      position: event.position,
      eventId: event.id,
      actorId: m.actor?.id ?? null,
      actorRole: m.actor?.role ?? null,
      actorState: m.actor?.state ?? null,
      stream: event.stream,
      type: event.type,
      commandId: m.commandId ?? null,
      commandType: m.commandType ?? null,
      correlationId: m.correlationId ?? null,
      occurredAt: m.occurredAt ?? null,
      recordedAt: m.recordedAt ?? null,
      visibility: m.visibility ?? null,
      // One row per event: the states are the event's own (docs/visibility.md).
      states: visibilityOf(event).states,
    });
  },
};
