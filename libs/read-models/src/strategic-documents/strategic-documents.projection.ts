import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '#event-store';
import { statementsFor, type Projection } from '#eventsourcing';
import type {
  BriefingDeliveredData,
  DecisionRecordedData,
  MeetingScheduledData,
  RecordCorrectedData,
  StrategicDocumentRegisteredData,
} from './strategic-document-events.js';
import { createDocumentTables, dropDocumentTables } from './strategic-documents.schema.js';
import { withRowVisibility } from '../shared/row-visibility.js';

/** The field of a citer that cites documents, and the one that says what it is, per kind. */
const CITES = 'citesStrategicDocuments';
const LABEL: Readonly<Record<string, string>> = { decision: 'text', briefing: 'topic' };

const statements = statementsFor((db: Database) => ({
  document: db.prepare(
    `INSERT OR IGNORE INTO rm_document VALUES (@documentId, @title, @kind, @adoptedAt, @adoptedAtPlace, @source,
       @visibility, @occurredAt, @recordedAt, @position, '[]')`,
  ),
  meeting: db.prepare('INSERT OR REPLACE INTO rm_document_meeting VALUES (?, ?, ?, ?, ?)'),
  citer: db.prepare(
    `INSERT OR IGNORE INTO rm_document_citer VALUES (@meetingId, @citerKind, @citerId, @decisionKind, @label,
       @cites, @visibility, @position, @position, '[]')`,
  ),
  cite: db.prepare('INSERT OR IGNORE INTO rm_document_citation VALUES (?, ?, ?, ?)'),
  uncite: db.prepare(
    'DELETE FROM rm_document_citation WHERE meeting_id = ? AND citer_kind = ? AND citer_id = ?',
  ),
  recite: db.prepare(
    `UPDATE rm_document_citer SET cites = ?, last_position = ? WHERE meeting_id = ? AND citer_kind = ? AND citer_id = ?`,
  ),
  relabel: db.prepare(
    `UPDATE rm_document_citer SET label = ?, last_position = ? WHERE meeting_id = ? AND citer_kind = ? AND citer_id = ?`,
  ),
  citesOf: db.prepare<[string, string, string], { cites: string }>(
    'SELECT cites FROM rm_document_citer WHERE meeting_id = ? AND citer_kind = ? AND citer_id = ?',
  ),
}));

const ids = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

function cite(db: Database, meetingId: string, kind: string, id: string, documents: readonly string[]): void {
  const s = statements(db);
  for (const documentId of documents) s.cite.run(documentId, meetingId, kind, id);
}

/**
 * Each registered strategic document with the decisions and briefings of meetings that cite it,
 * as the record stands after corrections.
 */
export const strategicDocumentsProjection: Projection = withRowVisibility(
  {
    name: 'strategic-documents',
    // 2: the visibility and states of documents and of the decisions and briefings citing them (docs/visibility.md).
    version: 2,
    eventTypes: [
      'StrategicDocumentRegistered',
      'MeetingScheduled',
      'DecisionRecorded',
      'BriefingDelivered',
      'RecordCorrected',
    ],

    setup: createDocumentTables,

    /** Rows are keyed `document/<id>`: the documents the event registered, cited, or stopped citing. */
    rowsOf(event: RecordedEvent, db: Database): string[] {
      const d = event.data as Record<string, unknown>;
      let documents: string[] = [];
      if (event.type === 'StrategicDocumentRegistered') documents = [String(d.documentId)];
      if (event.type === 'DecisionRecorded' || event.type === 'BriefingDelivered') documents = ids(d[CITES]);
      if (event.type === 'RecordCorrected') {
        const c = d as unknown as RecordCorrectedData;
        const known = Object.hasOwn(LABEL, c.target.kind);
        const row = known ? statements(db).citesOf.get(c.meetingId, c.target.kind, c.target.id) : undefined;
        if (row && c.field === CITES)
          documents = [...new Set([...ids(c.originalValue), ...ids(c.correctedValue)])];
        else if (row && c.field === LABEL[c.target.kind]) documents = ids(JSON.parse(row.cites));
      }
      return documents.map((id) => `document/${id}`);
    },

    reset(db: Database): void {
      statements.forget(db);
      dropDocumentTables(db);
    },

    apply(db: Database, event: RecordedEvent): void {
      const s = statements(db);
      const { position, metadata } = event;
      const { visibility, occurredAt, recordedAt } = metadata;
      switch (event.type) {
        case 'StrategicDocumentRegistered': {
          const d = event.data as unknown as StrategicDocumentRegisteredData;
          s.document.run({
            documentId: d.documentId,
            title: JSON.stringify(d.title ?? {}),
            kind: d.kind ?? 'other',
            adoptedAt: d.adoptedAt ?? null,
            adoptedAtPlace: d.adoptedAtPlace ?? null,
            source: d.source ? JSON.stringify(d.source) : null,
            visibility,
            occurredAt,
            recordedAt,
            position,
          });
          return;
        }
        case 'MeetingScheduled': {
          const d = event.data as unknown as MeetingScheduledData;
          s.meeting.run(
            d.meetingId,
            d.number ?? null,
            JSON.stringify(d.title ?? {}),
            d.date ?? null,
            d.city ?? null,
          );
          return;
        }
        case 'DecisionRecorded':
        case 'BriefingDelivered': {
          const decision = event.type === 'DecisionRecorded';
          const d = event.data as unknown as DecisionRecordedData & BriefingDeliveredData;
          const citer = {
            meetingId: d.meetingId,
            citerKind: decision ? 'decision' : 'briefing',
            citerId: decision ? d.decisionId : d.briefingId,
          };
          const cites = ids(d[CITES]);
          s.citer.run({
            ...citer,
            decisionKind: decision ? d.kind : null,
            label: JSON.stringify((decision ? d.text : d.topic) ?? {}),
            cites: JSON.stringify(cites),
            visibility,
            position,
          });
          cite(db, citer.meetingId, citer.citerKind, citer.citerId, cites);
          return;
        }
        case 'RecordCorrected': {
          const d = event.data as unknown as RecordCorrectedData;
          const where = [d.meetingId, d.target.kind, d.target.id] as const;
          if (!Object.hasOwn(LABEL, d.target.kind) || !s.citesOf.get(...where)) return;
          if (d.field === CITES) {
            const cites = ids(d.correctedValue);
            s.uncite.run(...where);
            cite(db, ...where, cites);
            s.recite.run(JSON.stringify(cites), position, ...where);
          } else if (d.field === LABEL[d.target.kind]) {
            s.relabel.run(JSON.stringify(d.correctedValue), position, ...where);
          }
          return;
        }
      }
    },
  },
  [
    { table: 'rm_document', touchedAt: 'position' },
    { table: 'rm_document_citer', touchedAt: 'last_position' },
  ],
);
