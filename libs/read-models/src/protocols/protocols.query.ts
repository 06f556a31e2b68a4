import type { Database } from 'better-sqlite3';
import {
  canSeeItem,
  PUBLIC_VIEWER,
  statementsFor,
  visibilityParams,
  visibleSql,
  type Viewer,
} from '#eventsourcing';
import type { SignatoryData, Text } from './protocol-events.js';

export interface PartyView {
  readonly institutionId: string;
  /** Null for the OTS Secretariat. */
  readonly state: string | null;
  /** Its name on `nameOn`: the day it signed, or, until it signs, the day it joined the protocol. */
  readonly name: Text | null;
  readonly nameOn: string;
  /** The designated signatory. */
  readonly signatory: SignatoryData | null;
  readonly signedOn: string | null;
}

export interface SignatureView {
  readonly institutionId: string;
  readonly state: string | null;
  readonly institutionName: Text;
  readonly signatory: SignatoryData;
  readonly signedOn: string;
  readonly place: string;
}

export type ProtocolStatus = 'drafted' | 'partly-signed' | 'signed' | 'in-force' | 'terminated';
export const PROTOCOL_STATUSES: readonly ProtocolStatus[] = [
  'drafted',
  'partly-signed',
  'signed',
  'in-force',
  'terminated',
];

export interface ProtocolView {
  readonly id: string;
  readonly title: Text;
  readonly status: ProtocolStatus;
  readonly visibility: string;
  readonly margins: { readonly meetingId: string } | null;
  /** The parties' distinct states, without the Secretariat. */
  readonly states: string[];
  readonly parties: PartyView[];
  /** In the order they were recorded. */
  readonly signatures: SignatureView[];
  /** The day of the last signature, once every party has signed. */
  readonly signedOn: string | null;
  readonly enteredIntoForceOn: string | null;
  readonly termination: { readonly date: string; readonly reason: Text | null } | null;
  readonly draftedAt: string;
  /** Global position of the last event reflected in this view. */
  readonly position: number;
}

export const PROTOCOL_SORTS = ['signedOn', '-signedOn', 'title'] as const;
export type ProtocolSort = (typeof PROTOCOL_SORTS)[number];

export interface ProtocolListFilter {
  readonly state?: string;
  readonly status?: ProtocolStatus;
  readonly meetingId?: string;
  readonly sort: ProtocolSort;
  readonly limit: number;
  readonly offset: number;
}

interface ProtocolRow {
  protocol_id: string;
  title: string;
  status: ProtocolStatus;
  margins_meeting_id: string | null;
  signed_on: string | null;
  entered_into_force_on: string | null;
  terminated_on: string | null;
  termination_reason: string | null;
  visibility: string;
  drafted_at: string;
  last_position: number;
  states: string;
}

interface PartyRow {
  institution_id: string;
  state: string | null;
  joined_on: string;
  signatory: string | null;
  signed_on: string | null;
  place: string | null;
  signed_by: string | null;
  signature_position: number | null;
  name: string | null;
}

const WHERE = `(@status IS NULL OR status = @status) AND (@meetingId IS NULL OR margins_meeting_id = @meetingId)
  AND (@state IS NULL OR EXISTS (SELECT 1 FROM rm_protocol_party p
    WHERE p.protocol_id = rm_protocol.protocol_id AND p.state = @state))
  AND ${visibleSql('rm_protocol')}`;
// Protocols not signed yet come last either way.
const ORDER: Record<ProtocolSort, string> = {
  signedOn: 'signed_on IS NULL, signed_on, title_en, protocol_id',
  '-signedOn': 'signed_on IS NULL, signed_on DESC, title_en, protocol_id',
  title: 'title_en COLLATE NOCASE, protocol_id',
};
const list = (db: Database, sort: ProtocolSort) =>
  db.prepare<Record<string, unknown>, ProtocolRow>(
    `SELECT * FROM rm_protocol WHERE ${WHERE} ORDER BY ${ORDER[sort]} LIMIT @limit OFFSET @offset`,
  );

const statements = statementsFor((db: Database) => ({
  protocol: db.prepare<[string], ProtocolRow>('SELECT * FROM rm_protocol WHERE protocol_id = ?'),
  // Until it signs, a party bears the name of the period covering the day it joined (or its first).
  parties: db.prepare<[string], PartyRow>(
    `SELECT p.*, COALESCE(p.signed_as, (SELECT n.name FROM rm_protocol_institution_name n
       WHERE n.institution_id = p.institution_id AND (n.valid_to IS NULL OR n.valid_to >= p.joined_on)
       ORDER BY n.valid_from LIMIT 1)) AS name
     FROM rm_protocol_party p WHERE p.protocol_id = ? ORDER BY p.seq`,
  ),
  list: { signedOn: list(db, 'signedOn'), '-signedOn': list(db, '-signedOn'), title: list(db, 'title') },
  count: db.prepare<Record<string, unknown>, { n: number }>(
    `SELECT COUNT(*) AS n FROM rm_protocol WHERE ${WHERE}`,
  ),
}));

/** The protocol, or null when there is none or the viewer may not see it. */
export function findProtocol(
  db: Database,
  protocolId: string,
  viewer: Viewer = PUBLIC_VIEWER,
): ProtocolView | null {
  const row = statements(db).protocol.get(protocolId);
  return row && canSeeItem(viewer, row) ? toView(db, row) : null;
}

/** The protocols the viewer may see. */
export function listProtocols(db: Database, filter: ProtocolListFilter, viewer: Viewer = PUBLIC_VIEWER) {
  const s = statements(db);
  const params = {
    state: filter.state ?? null,
    status: filter.status ?? null,
    meetingId: filter.meetingId ?? null,
    ...visibilityParams(viewer),
  };
  const rows = s.list[filter.sort].all({ ...params, limit: filter.limit, offset: filter.offset });
  const total = s.count.get(params)?.n ?? 0;
  return { items: rows.map((row) => toView(db, row)), total, limit: filter.limit, offset: filter.offset };
}

function toView(db: Database, row: ProtocolRow): ProtocolView {
  const rows = statements(db).parties.all(row.protocol_id);
  const parties = rows.map(toParty);
  const signatures = rows
    .filter((p) => p.signature_position !== null)
    .sort((a, b) => a.signature_position! - b.signature_position!)
    .map(toSignature);
  const states = [...new Set(parties.flatMap((p) => (p.state === null ? [] : [p.state])))].sort();
  return {
    id: row.protocol_id,
    title: JSON.parse(row.title) as Text,
    status: row.status,
    visibility: row.visibility,
    margins: row.margins_meeting_id ? { meetingId: row.margins_meeting_id } : null,
    states,
    parties,
    signatures,
    signedOn: row.signed_on,
    enteredIntoForceOn: row.entered_into_force_on,
    termination: row.terminated_on
      ? { date: row.terminated_on, reason: parse<Text>(row.termination_reason) }
      : null,
    draftedAt: row.drafted_at,
    position: row.last_position,
  };
}

function toParty(row: PartyRow): PartyView {
  return {
    institutionId: row.institution_id,
    state: row.state,
    name: parse<Text>(row.name),
    nameOn: row.signed_on ?? row.joined_on,
    signatory: parse<SignatoryData>(row.signatory),
    signedOn: row.signed_on,
  };
}

function toSignature(row: PartyRow): SignatureView {
  return {
    institutionId: row.institution_id,
    state: row.state,
    institutionName: JSON.parse(row.name!) as Text,
    signatory: JSON.parse(row.signed_by!) as SignatoryData,
    signedOn: row.signed_on!,
    place: row.place!,
  };
}

function parse<T>(json: string | null): T | null {
  return json === null ? null : (JSON.parse(json) as T);
}
