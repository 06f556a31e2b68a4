import Database from 'better-sqlite3';
import type { RecordedEvent } from '#event-store';
import { newEvent } from '#event-store/testing/event-builders.js';
import { applyEvent, setupProvenance } from '#eventsourcing';
import { calendarProjection } from '../calendar.projection.js';

/** An event as a spec tells it: type, data and, when it matters, its visibility. */
export type Given = [type: string, data: Record<string, unknown>, visibility?: 'public' | 'internal'];

export const MEMBERS = ['AZ', 'KZ', 'KG', 'TR', 'UZ'];

/** The recording time of the event at `position`: a day per event from 1 March 2026. */
export const recordedAt = (position: number) => new Date(Date.UTC(2026, 2, position, 10)).toISOString();

/** Given these events, applied in order at positions 1, 2, ... (with provenance): the read model's database. */
export function given(events: readonly Given[]): Database.Database {
  const db = new Database(':memory:');
  calendarProjection.setup(db);
  setupProvenance(db);
  events.forEach(([type, data, visibility = 'public'], index) => {
    const position = index + 1;
    const event = newEvent(type, data, {
      metadata: { occurredAt: '2024-11-18T09:00:00.000Z', recordedAt: recordedAt(position), visibility },
    });
    const id = String(data.meetingId ?? data.activityId);
    const recorded: RecordedEvent = { ...event, stream: `x-${id}`, revision: index, position };
    applyEvent(db, calendarProjection, recorded);
  });
  return db;
}

export const meeting = (meetingId: string, number: number, city: string, hostState: string, date: string) =>
  [
    'MeetingScheduled',
    {
      meetingId,
      seriesId: 'diaspora-ministerial',
      number,
      title: { en: `Meeting ${number} (${city})` },
      hostState,
      hostInstitutionId: null,
      city,
      date,
    },
  ] as Given;

export const activity = (
  activityId: string,
  kind: string,
  plannedStart: string,
  plannedEnd: string,
  extra: Record<string, unknown> = {},
) =>
  [
    'ActivityScheduled',
    {
      activityId,
      kind,
      title: { en: activityId },
      planId: 'diaspora-2025',
      planActivityId: activityId,
      meetingId: null,
      decisionId: null,
      leadState: 'AZ',
      leadInstitutionId: null,
      participatingStates: MEMBERS,
      plannedStart,
      plannedEnd,
      city: null,
      hostState: null,
      withNgos: null,
      ...extra,
    },
  ] as Given;
