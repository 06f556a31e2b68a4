import Database from 'better-sqlite3';
import type { RecordedEvent } from '#event-store';
import { newEvent } from '#event-store/testing/event-builders.js';
import { applyEvent, provenanceOf, setupProvenance, type Projection } from '#eventsourcing';

/** An event as a spec tells it: type, data, and when it happened (the meeting's day by default). */
export type GivenEvent = readonly [type: string, data: Record<string, unknown>, occurredAt?: string];

/** The stream an event of this type and data is appended to, as the engine names them. */
function streamOf(type: string, data: Record<string, unknown>): string {
  if (type.startsWith('Plan')) return `plan-${String(data.planId)}`;
  if (type === 'StrategicDocumentRegistered') return `document-${String(data.documentId)}`;
  if ('followUpId' in data) return `followup-${String(data.followUpId)}`;
  if ('activityId' in data) return `activity-${String(data.activityId)}`;
  return `meeting-${String(data.meetingId)}`;
}

/** Given these events, applied in order at positions 1, 2, ... with provenance: the read model's database. */
export function given(projection: Projection, events: readonly GivenEvent[]): Database.Database {
  const db = new Database(':memory:');
  setupProvenance(db);
  projection.setup(db);
  events.forEach(([type, data, occurredAt = '2024-11-18T00:00:00.000Z'], index) => {
    const event = newEvent(type, data, {
      metadata: {
        occurredAt,
        recordedAt: `2026-01-01T00:00:${String(index).padStart(2, '0')}.000Z`,
        visibility: 'public',
      },
    });
    const recorded: RecordedEvent = {
      ...event,
      stream: streamOf(type, data),
      revision: 0,
      position: index + 1,
    };
    applyEvent(db, projection, recorded);
  });
  return db;
}

/** The positions of the events that produced a row of the projection. */
export const provenance = (db: Database.Database, projection: Projection, row: string) =>
  provenanceOf(db, projection.name, row);
