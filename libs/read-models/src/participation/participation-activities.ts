import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '#event-store';
import { statementsFor } from '#eventsourcing';
import type {
  ActivityLifeData,
  ActivityScheduledData,
  ProtocolDraftedData,
  ProtocolSignatureRecordedData,
  ProtocolStatusData,
} from './participation-events.js';

/** The Activity and Protocol events a state takes part in through. */
export const ACTIVITY_EVENT_TYPES = [
  'ActivityScheduled',
  'ActivityStarted',
  'ProgressReported',
  'ActivityCompleted',
  'ActivityPostponed',
  'ActivityCancelled',
] as const;

export const PROTOCOL_EVENT_TYPES = [
  'ProtocolDrafted',
  'ProtocolSignatureRecorded',
  'ProtocolSigned',
  'ProtocolEnteredIntoForce',
  'ProtocolTerminated',
] as const;

const statements = statementsFor((db: Database) => ({
  schedule: db.prepare(
    `INSERT OR REPLACE INTO rm_participation_activity VALUES (@activityId, @kind, @title, @leadState,
       @leadInstitutionId, @participatingStates, @plannedStart, @plannedEnd, @city, @hostState, @origin,
       'scheduled', 0, @visibility, @position, '[]')`,
  ),
  forgetStates: db.prepare('DELETE FROM rm_participation_activity_state WHERE activity_id = ?'),
  takePart: db.prepare('INSERT OR REPLACE INTO rm_participation_activity_state VALUES (?, ?, ?)'),
  update: db.prepare(
    `UPDATE rm_participation_activity SET status = COALESCE(@status, status),
       progress = COALESCE(@progress, progress), planned_start = COALESCE(@plannedStart, planned_start),
       planned_end = COALESCE(@plannedEnd, planned_end), last_position = @position
     WHERE activity_id = @activityId`,
  ),
  draft: db.prepare(
    `INSERT OR REPLACE INTO rm_participation_protocol VALUES (?, ?, 'drafted', NULL, ?, ?, '[]')`,
  ),
  sign: db.prepare(
    `INSERT OR REPLACE INTO rm_participation_signature VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '[]')`,
  ),
  status: db.prepare(
    `UPDATE rm_participation_protocol SET status = ?, signed_on = COALESCE(?, signed_on), last_position = ?
     WHERE protocol_id = ?`,
  ),
}));

export function forgetActivityStatements(db: Database): void {
  statements.forget(db);
}

const NO_CHANGE = { status: null, progress: null, plannedStart: null, plannedEnd: null };

/** Applies one Activity event; the life events of an activity never scheduled change nothing. */
export function applyActivityEvent(db: Database, event: RecordedEvent): void {
  const s = statements(db);
  const position = event.position;
  if (event.type === 'ActivityScheduled') {
    const d = event.data as unknown as Partial<ActivityScheduledData> & { activityId: string };
    const states = d.participatingStates ?? [];
    const origin = { planId: d.planId ?? null, planActivityId: d.planActivityId ?? null };
    const decision = { meetingId: d.meetingId ?? null, decisionId: d.decisionId ?? null };
    s.schedule.run({
      activityId: d.activityId,
      kind: d.kind ?? null,
      title: d.title ? JSON.stringify(d.title) : null,
      leadState: d.leadState ?? null,
      leadInstitutionId: d.leadInstitutionId ?? null,
      participatingStates: JSON.stringify(states),
      plannedStart: d.plannedStart ?? null,
      plannedEnd: d.plannedEnd ?? null,
      city: d.city ?? null,
      hostState: d.hostState ?? null,
      origin: JSON.stringify(origin.planId !== null ? origin : decision),
      visibility: event.metadata.visibility,
      position,
    });
    s.forgetStates.run(d.activityId);
    const taking = d.leadState && !states.includes(d.leadState) ? [...states, d.leadState] : states;
    for (const state of taking) s.takePart.run(state, d.activityId, state === d.leadState ? 1 : 0);
    return;
  }
  const d = event.data as unknown as ActivityLifeData;
  const change = { ...NO_CHANGE, activityId: d.activityId, position };
  switch (event.type) {
    case 'ActivityStarted':
      s.update.run({ ...change, status: 'in-progress' });
      return;
    case 'ProgressReported':
      s.update.run({ ...change, progress: d.progress ?? null });
      return;
    case 'ActivityCompleted':
      s.update.run({ ...change, status: 'completed', progress: 100 });
      return;
    case 'ActivityPostponed':
      s.update.run({
        ...change,
        status: 'postponed',
        plannedStart: d.newStart ?? null,
        plannedEnd: d.newEnd ?? null,
      });
      return;
    case 'ActivityCancelled':
      s.update.run({ ...change, status: 'cancelled' });
      return;
  }
}

/** Applies one Protocol event: its title and status, and each signature of a state's institution. */
export function applyProtocolEvent(db: Database, event: RecordedEvent): void {
  const s = statements(db);
  const { position } = event;
  switch (event.type) {
    case 'ProtocolDrafted': {
      const d = event.data as unknown as ProtocolDraftedData;
      const title = d.title ? JSON.stringify(d.title) : null;
      s.draft.run(d.protocolId, title, event.metadata.visibility, position);
      return;
    }
    case 'ProtocolSignatureRecorded': {
      const d = event.data as unknown as ProtocolSignatureRecordedData;
      if (!d.state) return;
      const name = d.institutionName ? JSON.stringify(d.institutionName) : null;
      const signatory = d.signatory ? JSON.stringify(d.signatory) : null;
      const { visibility } = event.metadata;
      s.sign.run(
        d.protocolId,
        d.institutionId,
        d.state,
        name,
        signatory,
        d.signedOn,
        d.place,
        visibility,
        position,
      );
      return;
    }
    case 'ProtocolSigned': {
      const d = event.data as unknown as ProtocolStatusData;
      s.status.run('signed', d.signedOn ?? null, position, d.protocolId);
      return;
    }
    case 'ProtocolEnteredIntoForce':
      s.status.run('in-force', null, position, (event.data as unknown as ProtocolStatusData).protocolId);
      return;
    case 'ProtocolTerminated':
      s.status.run('terminated', null, position, (event.data as unknown as ProtocolStatusData).protocolId);
      return;
  }
}
