import Database from 'better-sqlite3';
import type { WorldLog } from './world-log.js';

/** Read-model rows counted after a rebuild: each must equal what the generated log implies. */
const COUNTS: Readonly<Record<string, string>> = {
  plans: 'SELECT COUNT(*) FROM rm_plan',
  planActivities: 'SELECT COUNT(*) FROM rm_plan_activity',
  completedPlanActivities: `SELECT COUNT(*) FROM rm_plan_activity WHERE status = 'completed'`,
  calendarEntries: 'SELECT COUNT(*) FROM rm_calendar_entry',
  decisions: 'SELECT COUNT(*) FROM rm_decision',
  decisionActivities: 'SELECT COUNT(*) FROM rm_decision_activity',
  followUps: 'SELECT COUNT(*) FROM rm_decision_follow_up',
  protocols: 'SELECT COUNT(*) FROM rm_protocol',
  delegations: 'SELECT COUNT(*) FROM rm_participation_delegation',
  participationActivities: 'SELECT COUNT(*) FROM rm_participation_activity',
  documents: 'SELECT COUNT(*) FROM rm_document',
  auditActors: 'SELECT COUNT(*) FROM rm_audit_actor',
  auditCorrelations: 'SELECT COUNT(*) FROM rm_audit_correlation',
  lowestCheckpoint: 'SELECT MIN(position) FROM projection_checkpoints',
};

/** What the read models built from `log` must hold. */
export function expectedRows(log: WorldLog): Record<string, number> {
  const n = (type: string) => log.types[type] ?? 0;
  return {
    plans: n('PlanDrafted'),
    planActivities: n('ActivityAddedToPlan'),
    completedPlanActivities: log.completedPlanActivities,
    calendarEntries: n('MeetingScheduled') + n('ActivityScheduled'),
    decisions: n('DecisionRecorded'),
    decisionActivities: log.decisionActivities,
    followUps: n('FollowUpAssigned'),
    protocols: n('ProtocolDrafted'),
    delegations: n('DelegationAccredited'),
    participationActivities: n('ActivityScheduled'),
    documents: n('StrategicDocumentRegistered'),
    auditActors: log.events,
    auditCorrelations: log.events,
    lowestCheckpoint: log.events,
  };
}

/** The rows of an open read-model database, plus its provenance rows (not predicted, only > 0). */
export function countRows(db: Database.Database): Record<string, number> {
  const count = (sql: string) => db.prepare(sql).pluck().get() as number;
  const rows = Object.fromEntries(Object.entries(COUNTS).map(([key, sql]) => [key, count(sql)]));
  return { ...rows, provenanceRows: count('SELECT COUNT(*) FROM projection_provenance') };
}

/** The rows of the read-model database in `file`. */
export function countRowsIn(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    return countRows(db);
  } finally {
    db.close();
  }
}
