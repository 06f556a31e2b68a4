import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '#event-store';
import { statementsFor, type Projection } from '#eventsourcing';
import {
  applyInstitutionEvent,
  forgetInstitutionStatements,
  INSTITUTION_EVENT_TYPES,
  protocolsNamedBy,
} from './institution-names.js';
import type {
  PartyAddedData,
  PartyRemovedData,
  ProtocolDraftedData,
  ProtocolEnteredIntoForceData,
  ProtocolSignatureRecordedData,
  ProtocolSignedData,
  ProtocolTerminatedData,
  SignatoryDesignatedData,
} from './protocol-events.js';
import { createProtocolTables, dropProtocolTables } from './protocols.schema.js';
import { withRowVisibility } from '../shared/row-visibility.js';

const statements = statementsFor((db: Database) => ({
  draft: db.prepare(
    `INSERT INTO rm_protocol (protocol_id, title, title_en, margins_meeting_id, status, visibility, drafted_at,
       last_position) VALUES (?, ?, ?, ?, 'drafted', ?, ?, ?)`,
  ),
  // A party removed and added again joins anew, after the others.
  addParty: db.prepare(
    `INSERT OR REPLACE INTO rm_protocol_party (protocol_id, institution_id, seq, state, joined_on)
     VALUES (@protocolId, @institutionId,
       (SELECT COALESCE(MAX(seq) + 1, 0) FROM rm_protocol_party WHERE protocol_id = @protocolId), @state, @joinedOn)`,
  ),
  removeParty: db.prepare('DELETE FROM rm_protocol_party WHERE protocol_id = ? AND institution_id = ?'),
  designate: db.prepare(
    'UPDATE rm_protocol_party SET signatory = ? WHERE protocol_id = ? AND institution_id = ?',
  ),
  sign: db.prepare(
    `UPDATE rm_protocol_party SET signed_on = @signedOn, place = @place, signed_as = @name, signed_by = @signatory,
       signature_position = @position WHERE protocol_id = @protocolId AND institution_id = @institutionId`,
  ),
  partlySigned: db.prepare(
    `UPDATE rm_protocol SET status = CASE status WHEN 'drafted' THEN 'partly-signed' ELSE status END,
       last_position = ? WHERE protocol_id = ?`,
  ),
  signed: db.prepare(
    `UPDATE rm_protocol SET status = 'signed', signed_on = ?, last_position = ? WHERE protocol_id = ?`,
  ),
  inForce: db.prepare(
    `UPDATE rm_protocol SET status = 'in-force', entered_into_force_on = ?, last_position = ? WHERE protocol_id = ?`,
  ),
  terminate: db.prepare(
    `UPDATE rm_protocol SET status = 'terminated', terminated_on = ?, termination_reason = ?, last_position = ?
     WHERE protocol_id = ?`,
  ),
  touch: db.prepare('UPDATE rm_protocol SET last_position = ? WHERE protocol_id = ?'),
}));

const PROTOCOL_EVENT_TYPES = [
  'ProtocolDrafted',
  'PartyAdded',
  'PartyRemoved',
  'SignatoryDesignated',
  'ProtocolSignatureRecorded',
  'ProtocolSigned',
  'ProtocolEnteredIntoForce',
  'ProtocolTerminated',
] as const;

/** Cooperation protocols with their parties, as named at the time, signatures and life. */
export const protocolsProjection: Projection = withRowVisibility(
  {
    name: 'protocols',
    // 2: the visibility and states of each protocol (docs/visibility.md).
    version: 2,
    eventTypes: [...PROTOCOL_EVENT_TYPES, ...INSTITUTION_EVENT_TYPES],

    setup: createProtocolTables,

    /** Rows are keyed `protocol/<id>`; an institution's new name touches the protocols it names. */
    rowsOf(event: RecordedEvent, db: Database): string[] {
      const ids = event.type.startsWith('Institution')
        ? protocolsNamedBy(db, event)
        : [(event.data as { protocolId: string }).protocolId];
      return ids.map((id) => `protocol/${id}`);
    },

    reset(db: Database): void {
      statements.forget(db);
      forgetInstitutionStatements(db);
      dropProtocolTables(db);
    },

    apply(db: Database, event: RecordedEvent): void {
      const s = statements(db);
      const position = event.position;
      const joinedOn = event.metadata.occurredAt.slice(0, 10);
      switch (event.type) {
        case 'ProtocolDrafted': {
          const d = event.data as unknown as ProtocolDraftedData;
          const title = JSON.stringify(d.title);
          const { visibility, occurredAt } = event.metadata;
          const meetingId = d.margins?.meetingId ?? null;
          s.draft.run(d.protocolId, title, d.title.en ?? '', meetingId, visibility, occurredAt, position);
          for (const { institutionId, state } of d.parties)
            s.addParty.run({ protocolId: d.protocolId, institutionId, state, joinedOn });
          return;
        }
        case 'PartyAdded': {
          const { protocolId, institutionId, state } = event.data as unknown as PartyAddedData;
          s.addParty.run({ protocolId, institutionId, state, joinedOn });
          s.touch.run(position, protocolId);
          return;
        }
        case 'PartyRemoved': {
          const d = event.data as unknown as PartyRemovedData;
          s.removeParty.run(d.protocolId, d.institutionId);
          s.touch.run(position, d.protocolId);
          return;
        }
        case 'SignatoryDesignated': {
          const d = event.data as unknown as SignatoryDesignatedData;
          s.designate.run(JSON.stringify(d.signatory), d.protocolId, d.institutionId);
          s.touch.run(position, d.protocolId);
          return;
        }
        case 'ProtocolSignatureRecorded': {
          const d = event.data as unknown as ProtocolSignatureRecordedData;
          s.sign.run({
            protocolId: d.protocolId,
            institutionId: d.institutionId,
            signedOn: d.signedOn,
            place: d.place,
            name: JSON.stringify(d.institutionName),
            signatory: JSON.stringify(d.signatory),
            position,
          });
          s.partlySigned.run(position, d.protocolId);
          return;
        }
        case 'ProtocolSigned': {
          const d = event.data as unknown as ProtocolSignedData;
          s.signed.run(d.signedOn, position, d.protocolId);
          return;
        }
        case 'ProtocolEnteredIntoForce': {
          const d = event.data as unknown as ProtocolEnteredIntoForceData;
          s.inForce.run(d.date, position, d.protocolId);
          return;
        }
        case 'ProtocolTerminated': {
          const d = event.data as unknown as ProtocolTerminatedData;
          const reason = d.reason ? JSON.stringify(d.reason) : null;
          s.terminate.run(d.date, reason, position, d.protocolId);
          return;
        }
        default:
          applyInstitutionEvent(db, event);
      }
    },
  },
  [{ table: 'rm_protocol', touchedAt: 'last_position' }],
);
