import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '#event-store';
import { statementsFor, type Projection } from '#eventsourcing';
import type { DecisionRef } from './decision-events.js';
import { applyProductEvent, forgetProductStatements, PRODUCT_EVENT_TYPES } from './decision-products.js';
import { applyRecordEvent, forgetRecordStatements, RECORD_EVENT_TYPES } from './decision-record.js';
import { createDecisionTables, dropDecisionTables } from './decisions.schema.js';
import { withRowVisibility, type ItemTable } from '../shared/row-visibility.js';

const DECISION_ITEM_TABLES: readonly ItemTable[] = [
  { table: 'rm_decision', touchedAt: 'last_position' },
  { table: 'rm_decision_plan', touchedAt: 'last_position' },
  { table: 'rm_decision_amendment', touchedAt: 'position' },
  { table: 'rm_decision_activity', touchedAt: 'position' },
  { table: 'rm_decision_follow_up', touchedAt: 'position' },
  { table: 'rm_decision_timeline', touchedAt: 'position' },
];

const statements = statementsFor((db: Database) => ({
  touch: db.prepare(
    `INSERT OR IGNORE INTO rm_decision_timeline VALUES (@meetingId, @decisionId, @position, @type, @stream,
       @occurredAt, @recordedAt, 'public', '[]')`,
  ),
  touchedAt: db.prepare<[number], DecisionRef>(
    `SELECT meeting_id AS meetingId, decision_id AS decisionId FROM rm_decision_timeline WHERE position = ?
     ORDER BY meeting_id, decision_id`,
  ),
}));

/** The row key of a decision in the register, for provenance. */
export const decisionRowKey = (ref: DecisionRef): string => `decision/${ref.meetingId}/${ref.decisionId}`;

/**
 * The decision register: each decision with its meeting, agenda item, documents and corrections,
 * what it produced (the plan it adopted, the plans it amended, the activities and follow-ups it set
 * going) and its timeline: every event that touched the decision or what it produced.
 */
export const decisionsProjection: Projection = withRowVisibility(
  {
    name: 'decisions',
    // 2: the visibility and states of decisions, of what they produced and of their timelines (docs/visibility.md).
    version: 2,
    eventTypes: [...RECORD_EVENT_TYPES, ...PRODUCT_EVENT_TYPES],

    setup: createDecisionTables,

    /** Rows are keyed `decision/<meeting>/<decision>`: the decisions on whose timeline the event is. */
    rowsOf(event: RecordedEvent, db: Database): string[] {
      return statements(db).touchedAt.all(event.position).map(decisionRowKey);
    },

    reset(db: Database): void {
      statements.forget(db);
      forgetRecordStatements(db);
      forgetProductStatements(db);
      dropDecisionTables(db);
    },

    apply(db: Database, event: RecordedEvent): void {
      const touched = [...applyRecordEvent(db, event), ...applyProductEvent(db, event)];
      const { occurredAt, recordedAt } = event.metadata;
      const touch = statements(db).touch;
      for (const { meetingId, decisionId } of touched) {
        touch.run({
          meetingId,
          decisionId,
          position: event.position,
          type: event.type,
          stream: event.stream,
          occurredAt,
          recordedAt,
        });
      }
    },
  },
  DECISION_ITEM_TABLES,
);
