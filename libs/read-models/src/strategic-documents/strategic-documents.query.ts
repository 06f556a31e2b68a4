import type { Database } from 'better-sqlite3';
import {
  canSeeItem,
  PUBLIC_VIEWER,
  statementsFor,
  visibilityParams,
  visibleSql,
  type Viewer,
} from '#eventsourcing';
import type { StrategicDocumentRegisteredData, Text } from './strategic-document-events.js';

export interface CitingMeeting {
  readonly id: string;
  readonly number: number | null;
  readonly title: Text;
  readonly date: string | null;
  readonly city: string | null;
}

export interface DocumentSummary {
  readonly id: string;
  readonly title: Text;
  readonly kind: string;
  readonly adoptedAt: string | null;
  readonly adoptedAtPlace: string | null;
  readonly source: StrategicDocumentRegisteredData['source'];
  readonly visibility: string;
  readonly citedBy: { readonly decisions: number; readonly briefings: number };
}

export interface DocumentView extends DocumentSummary {
  /** The decisions that cite it, by the meeting's date, then in the order recorded. */
  readonly decisions: {
    meetingId: string;
    decisionId: string;
    kind: string | null;
    text: Text;
    meeting: CitingMeeting | null;
    visibility: string;
  }[];
  readonly briefings: {
    meetingId: string;
    briefingId: string;
    topic: Text;
    meeting: CitingMeeting | null;
    visibility: string;
  }[];
  /** Global position of the last event reflected in this view. */
  readonly position: number;
}

export interface DocumentListFilter {
  readonly kind?: string;
  readonly limit: number;
  readonly offset: number;
}

interface DocumentRow {
  document_id: string;
  title: string;
  kind: string;
  adopted_at: string | null;
  adopted_at_place: string | null;
  source: string | null;
  visibility: string;
  states: string;
  position: number;
  decisions: number;
  briefings: number;
}

interface CitationRow {
  meeting_id: string;
  citer_kind: string;
  citer_id: string;
  decision_kind: string | null;
  label: string;
  visibility: string;
  states: string;
  last_position: number;
  number: number | null;
  m_title: string | null;
  date: string | null;
  city: string | null;
}

// Counted after filtering: only the citing decisions and briefings the viewer may see.
const citedBy = (kind: string) => `(SELECT COUNT(*) FROM rm_document_citation c
    JOIN rm_document_citer r USING (meeting_id, citer_kind, citer_id)
    WHERE c.document_id = d.document_id AND c.citer_kind = '${kind}' AND ${visibleSql('r')})`;
const SELECT = `SELECT d.*, ${citedBy('decision')} AS decisions, ${citedBy('briefing')} AS briefings
  FROM rm_document d`;

const statements = statementsFor((db: Database) => ({
  one: db.prepare<Record<string, unknown>, DocumentRow>(`${SELECT} WHERE d.document_id = @documentId`),
  list: db.prepare<Record<string, unknown>, DocumentRow>(
    `${SELECT} WHERE (@kind IS NULL OR d.kind = @kind) AND ${visibleSql('d')} ORDER BY d.adopted_at, d.document_id
     LIMIT @limit OFFSET @offset`,
  ),
  count: db.prepare<Record<string, unknown>, { n: number }>(
    `SELECT COUNT(*) AS n FROM rm_document d WHERE (@kind IS NULL OR d.kind = @kind) AND ${visibleSql('d')}`,
  ),
  citations: db.prepare<[string], CitationRow>(
    `SELECT r.meeting_id, r.citer_kind, r.citer_id, r.decision_kind, r.label, r.visibility, r.states, r.last_position,
       m.number, m.title AS m_title, m.date, m.city
     FROM rm_document_citation c
     JOIN rm_document_citer r USING (meeting_id, citer_kind, citer_id)
     LEFT JOIN rm_document_meeting m USING (meeting_id)
     WHERE c.document_id = ? ORDER BY m.date, r.position`,
  ),
}));

/**
 * One registered document with the decisions and briefings that cite it, as far as the viewer may
 * see them; null when unknown or when the viewer may not see the document.
 */
export function findDocument(
  db: Database,
  documentId: string,
  viewer: Viewer = PUBLIC_VIEWER,
): DocumentView | null {
  const s = statements(db);
  const row = s.one.get({ documentId, ...visibilityParams(viewer) });
  if (!row || !canSeeItem(viewer, row)) return null;
  const citations = s.citations.all(documentId).filter((c) => canSeeItem(viewer, c));
  const decisions = citations
    .filter((c) => c.citer_kind === 'decision')
    .map((c) => ({
      meetingId: c.meeting_id,
      decisionId: c.citer_id,
      kind: c.decision_kind,
      text: JSON.parse(c.label) as Text,
      meeting: toMeeting(c),
      visibility: c.visibility,
    }));
  const briefings = citations
    .filter((c) => c.citer_kind === 'briefing')
    .map((c) => ({
      meetingId: c.meeting_id,
      briefingId: c.citer_id,
      topic: JSON.parse(c.label) as Text,
      meeting: toMeeting(c),
      visibility: c.visibility,
    }));
  const position = citations.reduce((max, c) => Math.max(max, c.last_position), row.position);
  return { ...toSummary(row), decisions, briefings, position };
}

/** The documents the viewer may see. */
export function listDocuments(db: Database, filter: DocumentListFilter, viewer: Viewer = PUBLIC_VIEWER) {
  const s = statements(db);
  const params = { kind: filter.kind ?? null, ...visibilityParams(viewer) };
  const rows = s.list.all({ ...params, limit: filter.limit, offset: filter.offset });
  const total = s.count.get(params)?.n ?? 0;
  return { items: rows.map(toSummary), total, limit: filter.limit, offset: filter.offset };
}

function toSummary(row: DocumentRow): DocumentSummary {
  return {
    id: row.document_id,
    title: JSON.parse(row.title) as Text,
    kind: row.kind,
    adoptedAt: row.adopted_at,
    adoptedAtPlace: row.adopted_at_place,
    source: row.source ? (JSON.parse(row.source) as DocumentSummary['source']) : null,
    visibility: row.visibility,
    citedBy: { decisions: row.decisions, briefings: row.briefings },
  };
}

function toMeeting(c: CitationRow): CitingMeeting | null {
  if (c.m_title === null) return null;
  const title = JSON.parse(c.m_title) as Text;
  return { id: c.meeting_id, number: c.number, title, date: c.date, city: c.city };
}
