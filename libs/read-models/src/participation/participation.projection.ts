import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '#event-store';
import { statementsFor, type Projection } from '#eventsourcing';
import {
  ACTIVITY_EVENT_TYPES,
  applyActivityEvent,
  applyProtocolEvent,
  forgetActivityStatements,
  PROTOCOL_EVENT_TYPES,
} from './participation-activities.js';
import type {
  DecisionRecordedData,
  DelegationAccreditedData,
  MeetingScheduledData,
  MembershipStatusChangedData,
  RecordCorrectedData,
  StateRegisteredData,
} from './participation-events.js';
import { createParticipationTables, dropParticipationTables } from './participation.schema.js';
import { withRowVisibility, type ItemTable } from '../shared/row-visibility.js';

/** A state's own row is reference data: it keeps the visibility of its registration and is not listed here. */
const PARTICIPATION_ITEM_TABLES: readonly ItemTable[] = [
  { table: 'rm_participation_meeting', touchedAt: 'position' },
  { table: 'rm_participation_delegation', touchedAt: 'position' },
  { table: 'rm_participation_decision', touchedAt: 'position' },
  { table: 'rm_participation_activity', touchedAt: 'last_position' },
  { table: 'rm_participation_protocol', touchedAt: 'last_position' },
  { table: 'rm_participation_signature', touchedAt: 'position' },
];

const statements = statementsFor((db: Database) => ({
  register: db.prepare(
    `INSERT INTO rm_participation_state (code, name, membership, since, memberships, visibility)
     VALUES (@code, @name, @membership, @since, json_array(json_object('membership', @membership, 'since', @since)),
       @visibility)
     ON CONFLICT (code) DO UPDATE SET name = @name, membership = @membership, since = @since,
       memberships = excluded.memberships, visibility = @visibility`,
  ),
  changeMembership: db.prepare(
    `INSERT INTO rm_participation_state (code, membership, since, memberships)
     VALUES (@code, @membership, @since, json_array(json_object('membership', @membership, 'since', @since)))
     ON CONFLICT (code) DO UPDATE SET membership = @membership, since = @since,
       memberships = json_insert(memberships, '$[#]', json_object('membership', @membership, 'since', @since))`,
  ),
  mention: db.prepare(`INSERT INTO rm_participation_state (code) VALUES (?) ON CONFLICT (code) DO NOTHING`),
  touch: db.prepare(
    `INSERT INTO rm_participation_state_touch (code, last_position) VALUES (?, ?)
     ON CONFLICT (code) DO UPDATE SET last_position = MAX(last_position, excluded.last_position)`,
  ),
  schedule: db.prepare(
    `INSERT OR REPLACE INTO rm_participation_meeting VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]')`,
  ),
  accredit: db.prepare(
    `INSERT OR REPLACE INTO rm_participation_delegation VALUES (?, ?, ?, ?, ?, ?, ?, '[]')`,
  ),
  decide: db.prepare(`INSERT OR REPLACE INTO rm_participation_decision VALUES (?, ?, ?, ?, ?, ?, ?, '[]')`),
  adopt: db.prepare('INSERT OR REPLACE INTO rm_participation_decision_state VALUES (?, ?, ?)'),
  correctText: db.prepare(
    'UPDATE rm_participation_decision SET text = ?, position = ? WHERE meeting_id = ? AND decision_id = ?',
  ),
  adopters: db.prepare<[string, string], { adopting_states: string }>(
    'SELECT adopting_states FROM rm_participation_decision WHERE meeting_id = ? AND decision_id = ?',
  ),
  activityStates: db.prepare<[string], { state: string }>(
    'SELECT state FROM rm_participation_activity_state WHERE activity_id = ? ORDER BY state',
  ),
  signatories: db.prepare<[string], { state: string }>(
    'SELECT DISTINCT state FROM rm_participation_signature WHERE protocol_id = ? ORDER BY state',
  ),
}));

/** The states whose participation an event changed, read after it was applied. */
export function statesTouchedBy(db: Database, event: RecordedEvent): string[] {
  const s = statements(db);
  const d = event.data as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? [value] : []);
  switch (event.type) {
    case 'StateRegistered':
    case 'MembershipStatusChanged':
      return text(d.code);
    case 'MeetingScheduled':
      return text(d.hostState);
    case 'DelegationAccredited':
    case 'ProtocolSignatureRecorded':
      return text(d.state);
    case 'DecisionRecorded':
      return Array.isArray(d.adoptingStates) ? (d.adoptingStates as string[]) : [];
    case 'RecordCorrected': {
      const c = d as unknown as RecordCorrectedData;
      if (c.target?.kind !== 'decision' || c.field !== 'text') return [];
      const row = s.adopters.get(c.meetingId, c.target.id);
      return row ? (JSON.parse(row.adopting_states) as string[]) : [];
    }
  }
  if (event.type.startsWith('Protocol')) return s.signatories.all(String(d.protocolId)).map((r) => r.state);
  return s.activityStates.all(String(d.activityId)).map((r) => r.state);
}

/**
 * Participation per state: meetings attended (with the delegation's level and the membership it
 * had then) and hosted, activities led and taken part in, protocols its institutions signed,
 * decisions it adopted; with its name and membership.
 */
export const participationProjection: Projection = withRowVisibility(
  {
    name: 'participation',
    // 2: an index on activity_state(activity_id); without it every activity event scanned the table.
    // 3: the visibility and states of meetings, delegations, decisions, activities, protocols, signatures.
    // 4: the last position touching a state in a table of its own (rm_participation_state_touch).
    version: 4,
    eventTypes: [
      'StateRegistered',
      'MembershipStatusChanged',
      'MeetingScheduled',
      'DelegationAccredited',
      'DecisionRecorded',
      'RecordCorrected',
      ...ACTIVITY_EVENT_TYPES,
      ...PROTOCOL_EVENT_TYPES,
    ],

    setup: createParticipationTables,

    /** Rows are keyed `state/<CODE>`. */
    rowsOf(event: RecordedEvent, db: Database): string[] {
      return statesTouchedBy(db, event).map((code) => `state/${code}`);
    },

    reset(db: Database): void {
      statements.forget(db);
      forgetActivityStatements(db);
      dropParticipationTables(db);
    },

    apply(db: Database, event: RecordedEvent): void {
      applyParticipationEvent(db, event);
      const s = statements(db);
      for (const code of statesTouchedBy(db, event)) {
        s.mention.run(code);
        s.touch.run(code, event.position);
      }
    },
  },
  PARTICIPATION_ITEM_TABLES,
);

function applyParticipationEvent(db: Database, event: RecordedEvent): void {
  const s = statements(db);
  const { position } = event;
  const { visibility } = event.metadata;
  switch (event.type) {
    case 'StateRegistered': {
      const d = event.data as unknown as StateRegisteredData;
      const name = JSON.stringify(d.name ?? {});
      s.register.run({ code: d.code, name, membership: d.membership, since: d.since, visibility, position });
      return;
    }
    case 'MembershipStatusChanged': {
      const d = event.data as unknown as MembershipStatusChangedData;
      s.changeMembership.run({ code: d.code, membership: d.membership, since: d.since, position });
      return;
    }
    case 'MeetingScheduled': {
      const d = event.data as unknown as MeetingScheduledData;
      const title = d.title ? JSON.stringify(d.title) : null;
      const host = d.hostInstitutionId ?? null;
      s.schedule.run(
        d.meetingId,
        d.seriesId ?? null,
        d.number ?? null,
        title,
        d.hostState,
        host,
        d.city,
        d.date,
        visibility,
        position,
      );
      return;
    }
    case 'DelegationAccredited': {
      const d = event.data as unknown as DelegationAccreditedData;
      const head = d.headOfDelegation ?? null;
      s.accredit.run(d.state, d.meetingId, d.level ?? null, head, d.membership ?? null, visibility, position);
      return;
    }
    case 'DecisionRecorded': {
      const d = event.data as unknown as DecisionRecordedData;
      const adopting = d.adoptingStates ?? [];
      const text = d.text ? JSON.stringify(d.text) : null;
      s.decide.run(
        d.meetingId,
        d.decisionId,
        d.kind ?? null,
        text,
        JSON.stringify(adopting),
        visibility,
        position,
      );
      for (const state of adopting) s.adopt.run(state, d.meetingId, d.decisionId);
      return;
    }
    case 'RecordCorrected': {
      const d = event.data as unknown as RecordCorrectedData;
      if (d.target?.kind !== 'decision' || d.field !== 'text') return;
      s.correctText.run(JSON.stringify(d.correctedValue), position, d.meetingId, d.target.id);
      return;
    }
  }
  if (event.type.startsWith('Protocol')) applyProtocolEvent(db, event);
  else applyActivityEvent(db, event);
}
