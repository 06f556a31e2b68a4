import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '#event-store';
import { statementsFor } from '#eventsourcing';
import type {
  AgendaItemAddedData,
  DecisionRecordedData,
  DecisionRef,
  MeetingScheduledData,
  RecordCorrectedData,
  StrategicDocumentRegisteredData,
} from './decision-events.js';

/** The events of the meetings' record, and the documents decisions cite. */
export const RECORD_EVENT_TYPES = [
  'MeetingScheduled',
  'AgendaItemAdded',
  'DecisionRecorded',
  'RecordCorrected',
  'StrategicDocumentRegistered',
] as const;

/** The columns a correction of a decision may change: what the record says, as opposed to what was decided. */
const CORRECTABLE: Readonly<Record<string, string>> = {
  text: 'text',
  agendaItemId: 'agenda_item_id',
  documents: 'documents',
  citesStrategicDocuments: 'cites',
};

const WHERE_DECISION = 'WHERE meeting_id = @meetingId AND decision_id = @decisionId';

const statements = statementsFor((db: Database) => ({
  meeting: db.prepare(
    `INSERT OR REPLACE INTO rm_decision_meeting VALUES (@meetingId, @seriesId, @number, @title, @date, @city,
       @hostState, @hostInstitutionId)`,
  ),
  agendaItem: db.prepare('INSERT OR REPLACE INTO rm_decision_agenda_item VALUES (?, ?, ?)'),
  retitleItem: db.prepare(
    'UPDATE rm_decision_agenda_item SET title = ? WHERE meeting_id = ? AND item_id = ?',
  ),
  document: db.prepare('INSERT OR IGNORE INTO rm_decision_strategic_document VALUES (?, ?)'),
  decision: db.prepare(
    `INSERT OR IGNORE INTO rm_decision (meeting_id, decision_id, kind, text, subject_plan_id, adopting_states,
       agenda_item_id, documents, cites, visibility, occurred_at, recorded_at, recorded_position, last_position)
     VALUES (@meetingId, @decisionId, @kind, @text, @planId, @adoptingStates, @agendaItemId, @documents, @cites,
       @visibility, @occurredAt, @recordedAt, @position, @position)`,
  ),
  correct: Object.fromEntries(
    Object.entries(CORRECTABLE).map(([field, column]) => [
      field,
      db.prepare(`UPDATE rm_decision SET ${column} = @value ${WHERE_DECISION}`),
    ]),
  ),
  noteCorrection: db.prepare(
    `UPDATE rm_decision SET corrections = json_insert(corrections, '$[#]', json(@correction)),
       last_position = @position ${WHERE_DECISION}`,
  ),
}));

export function forgetRecordStatements(db: Database): void {
  statements.forget(db);
}

const json = (value: unknown) => JSON.stringify(value ?? null);

/** Applies one event of the record; returns the decisions it touched. */
export function applyRecordEvent(db: Database, event: RecordedEvent): DecisionRef[] {
  const s = statements(db);
  const { position, metadata } = event;
  switch (event.type) {
    case 'MeetingScheduled': {
      const d = event.data as unknown as MeetingScheduledData;
      s.meeting.run({
        meetingId: d.meetingId,
        seriesId: d.seriesId ?? null,
        number: d.number ?? null,
        title: json(d.title ?? {}),
        date: d.date ?? null,
        city: d.city ?? null,
        hostState: d.hostState ?? null,
        hostInstitutionId: d.hostInstitutionId ?? null,
      });
      return [];
    }
    case 'AgendaItemAdded': {
      const d = event.data as unknown as AgendaItemAddedData;
      s.agendaItem.run(d.meetingId, d.itemId, json(d.title ?? {}));
      return [];
    }
    case 'StrategicDocumentRegistered': {
      const d = event.data as unknown as StrategicDocumentRegisteredData;
      s.document.run(d.documentId, json(d.title ?? {}));
      return [];
    }
    case 'DecisionRecorded': {
      const d = event.data as unknown as DecisionRecordedData;
      s.decision.run({
        meetingId: d.meetingId,
        decisionId: d.decisionId,
        kind: d.kind,
        text: json(d.text ?? {}),
        planId: d.subject?.planId ?? null,
        adoptingStates: json(d.adoptingStates ?? []),
        agendaItemId: d.agendaItemId ?? null,
        documents: json(d.documents ?? []),
        cites: json(d.citesStrategicDocuments ?? []),
        visibility: metadata.visibility,
        occurredAt: metadata.occurredAt,
        recordedAt: metadata.recordedAt,
        position,
      });
      return [{ meetingId: d.meetingId, decisionId: d.decisionId }];
    }
    case 'RecordCorrected':
      return applyCorrection(db, event);
    default:
      return [];
  }
}

/** The corrected value replaces the recorded one; the correction, with the value it replaced, is kept. */
function applyCorrection(db: Database, event: RecordedEvent): DecisionRef[] {
  const s = statements(db);
  const d = event.data as unknown as RecordCorrectedData;
  if (d.target.kind === 'agenda-item') {
    if (d.field === 'title') s.retitleItem.run(json(d.correctedValue), d.meetingId, d.target.id);
    return [];
  }
  if (d.target.kind !== 'decision') return [];
  const ref = { meetingId: d.meetingId, decisionId: d.target.id };
  if (Object.hasOwn(s.correct, d.field)) {
    const item = typeof d.correctedValue === 'string' ? d.correctedValue : null;
    const value = d.field === 'agendaItemId' ? item : json(d.correctedValue);
    s.correct[d.field].run({ ...ref, value });
  }
  const correction = {
    correctionId: d.correctionId,
    field: d.field,
    originalValue: d.originalValue ?? null,
    correctedValue: d.correctedValue ?? null,
    reason: d.reason,
    occurredAt: event.metadata.occurredAt,
    recordedAt: event.metadata.recordedAt,
    position: event.position,
  };
  s.noteCorrection.run({ ...ref, correction: JSON.stringify(correction), position: event.position });
  return [ref];
}
