import type { Database } from 'better-sqlite3';
import {
  canSeeItem,
  PUBLIC_VIEWER,
  statementsFor,
  visibilityParams,
  visibleSql,
  type Viewer,
} from '#eventsourcing';
import type { DecisionDocumentData, Text } from './decision-events.js';
import { producedBy, timelineOf } from './decision-products.query.js';
import type { Correction, DecisionSummary, DecisionView } from './decision-view.js';

export type * from './decision-view.js';

export interface DecisionListFilter {
  readonly meetingId?: string;
  readonly kind?: string;
  /** An adopting state. */
  readonly state?: string;
  /** A strategic document it cites, or a document it adopts or notes. */
  readonly documentId?: string;
  /** By the meeting's date, then in the order the decisions were recorded; `-date` newest first. */
  readonly sort?: 'date' | '-date';
  readonly limit: number;
  readonly offset: number;
}

interface DecisionRow {
  meeting_id: string;
  decision_id: string;
  kind: string;
  text: string;
  subject_plan_id: string | null;
  adopting_states: string;
  agenda_item_id: string | null;
  documents: string;
  cites: string;
  corrections: string;
  visibility: string;
  states: string;
  occurred_at: string;
  recorded_at: string;
  m_id: string | null;
  m_series_id: string | null;
  m_number: number | null;
  m_title: string | null;
  m_date: string | null;
  m_city: string | null;
  m_host_state: string | null;
  m_host_institution_id: string | null;
  item_title: string | null;
}

const SELECT = `SELECT d.*, m.meeting_id AS m_id, m.series_id AS m_series_id, m.number AS m_number,
    m.title AS m_title, m.date AS m_date, m.city AS m_city, m.host_state AS m_host_state,
    m.host_institution_id AS m_host_institution_id, a.title AS item_title
  FROM rm_decision d
  LEFT JOIN rm_decision_meeting m ON m.meeting_id = d.meeting_id
  LEFT JOIN rm_decision_agenda_item a ON a.meeting_id = d.meeting_id AND a.item_id = d.agenda_item_id`;

const FILTER = `WHERE (@meetingId IS NULL OR d.meeting_id = @meetingId) AND (@kind IS NULL OR d.kind = @kind)
    AND (@state IS NULL OR EXISTS (SELECT 1 FROM json_each(d.adopting_states) WHERE value = @state))
    AND (@documentId IS NULL OR EXISTS (SELECT 1 FROM json_each(d.cites) WHERE value = @documentId)
      OR EXISTS (SELECT 1 FROM json_each(d.documents) WHERE json_extract(value, '$.documentId') = @documentId))
    AND ${visibleSql('d')}`;

const statements = statementsFor((db: Database) => ({
  one: db.prepare<[string, string], DecisionRow>(`${SELECT} WHERE d.meeting_id = ? AND d.decision_id = ?`),
  titles: db.prepare<[string], { document_id: string; title: string }>(
    `SELECT document_id, title FROM rm_decision_strategic_document
     WHERE document_id IN (SELECT value FROM json_each(?))`,
  ),
  listByDate: db.prepare<Record<string, unknown>, DecisionRow>(
    `${SELECT} ${FILTER} ORDER BY m.date, d.meeting_id, d.recorded_position LIMIT @limit OFFSET @offset`,
  ),
  listByDateDesc: db.prepare<Record<string, unknown>, DecisionRow>(
    `${SELECT} ${FILTER} ORDER BY m.date DESC, d.meeting_id, d.recorded_position LIMIT @limit OFFSET @offset`,
  ),
  count: db.prepare<Record<string, unknown>, { n: number }>(
    `SELECT COUNT(*) AS n FROM rm_decision d ${FILTER}`,
  ),
}));

/**
 * One decision with what it produced and its timeline, as far as the viewer may see them; null
 * when unknown or when the viewer may not see the decision.
 */
export function findDecision(
  db: Database,
  meetingId: string,
  decisionId: string,
  viewer: Viewer = PUBLIC_VIEWER,
): DecisionView | null {
  const row = statements(db).one.get(meetingId, decisionId);
  if (!row || !canSeeItem(viewer, row)) return null;
  const ref = { meetingId, decisionId };
  const timeline = timelineOf(db, ref, viewer);
  const position = timeline.reduce((max, entry) => Math.max(max, entry.position), 0);
  return { ...toSummary(db, row), produced: producedBy(db, ref, viewer), timeline, position };
}

/** The decisions the viewer may see. */
export function listDecisions(db: Database, filter: DecisionListFilter, viewer: Viewer = PUBLIC_VIEWER) {
  const s = statements(db);
  const params = {
    meetingId: filter.meetingId ?? null,
    kind: filter.kind ?? null,
    state: filter.state ?? null,
    documentId: filter.documentId ?? null,
    ...visibilityParams(viewer),
  };
  const list = filter.sort === 'date' ? s.listByDate : s.listByDateDesc;
  const rows = list.all({ ...params, limit: filter.limit, offset: filter.offset });
  const total = s.count.get(params)?.n ?? 0;
  return {
    items: rows.map((row) => toSummary(db, row)),
    total,
    limit: filter.limit,
    offset: filter.offset,
  };
}

const parse = <T>(value: string | null): T | null => (value === null ? null : (JSON.parse(value) as T));

function toSummary(db: Database, row: DecisionRow): DecisionSummary {
  const cites = JSON.parse(row.cites) as string[];
  const titles = new Map(
    statements(db)
      .titles.all(row.cites)
      .map((t) => [t.document_id, t.title]),
  );
  return {
    meetingId: row.meeting_id,
    decisionId: row.decision_id,
    meeting: row.m_id
      ? {
          id: row.m_id,
          seriesId: row.m_series_id,
          number: row.m_number,
          title: parse<Text>(row.m_title) ?? {},
          date: row.m_date,
          city: row.m_city,
          host: { state: row.m_host_state, institutionId: row.m_host_institution_id },
        }
      : null,
    agendaItem: row.agenda_item_id ? { id: row.agenda_item_id, title: parse<Text>(row.item_title) } : null,
    kind: row.kind,
    text: JSON.parse(row.text) as Text,
    subject: { planId: row.subject_plan_id },
    adoptingStates: JSON.parse(row.adopting_states) as string[],
    documents: JSON.parse(row.documents) as DecisionDocumentData[],
    strategicDocuments: cites.map((id) => ({ id, title: parse<Text>(titles.get(id) ?? null) })),
    corrections: JSON.parse(row.corrections) as Correction[],
    visibility: row.visibility,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
  };
}
