import type { Database } from 'better-sqlite3';
import { PUBLIC_VIEWER, statementsFor, visibilityParams, visibleSql, type Viewer } from '#eventsourcing';
import type { LocalizedText } from './participation-events.js';
import { participationSections } from './participation-sections.js';
import type { ParticipationSections } from './participation.views.js';

export interface ParticipationTotals {
  readonly meetingsAttended: number;
  readonly meetingsHosted: number;
  readonly activitiesLed: number;
  readonly activitiesParticipated: number;
  readonly protocolsSigned: number;
  readonly decisionsAdopted: number;
}

export interface StateSummary {
  readonly code: string;
  /** Null for a state seen in the log before (or without) its registration. */
  readonly name: LocalizedText | null;
  readonly membership: string | null;
  readonly since: string | null;
  readonly visibility: string | null;
  readonly totals: ParticipationTotals;
  /** Global position of the last event that changed this state's participation. */
  readonly position: number;
}

export interface StateParticipation extends StateSummary, ParticipationSections {
  /** Every membership period, oldest first; the last one is the current one. */
  readonly memberships: { membership: string; since: string }[];
}

export interface StateListFilter {
  readonly membership?: string;
  readonly limit: number;
  readonly offset: number;
}

interface StateRow {
  code: string;
  name: string | null;
  membership: string | null;
  since: string | null;
  memberships: string;
  visibility: string | null;
  last_position: number;
  meetings_attended: number;
  meetings_hosted: number;
  activities_led: number;
  activities_participated: number;
  protocols_signed: number;
  decisions_adopted: number;
}

// The totals count only what the viewer may see: they are made after filtering.
const WITH_TOTALS = `SELECT s.*,
    COALESCE((SELECT t.last_position FROM rm_participation_state_touch t WHERE t.code = s.code), 0) AS last_position,
    (SELECT COUNT(*) FROM rm_participation_delegation d WHERE d.state = s.code AND ${visibleSql('d')})
      AS meetings_attended,
    (SELECT COUNT(*) FROM rm_participation_meeting m WHERE m.host_state = s.code AND ${visibleSql('m')})
      AS meetings_hosted,
    (SELECT COUNT(*) FROM rm_participation_activity_state p JOIN rm_participation_activity a USING (activity_id)
      WHERE p.state = s.code AND p.lead = 1 AND ${visibleSql('a')}) AS activities_led,
    (SELECT COUNT(*) FROM rm_participation_activity_state p JOIN rm_participation_activity a USING (activity_id)
      WHERE p.state = s.code AND ${visibleSql('a')}) AS activities_participated,
    (SELECT COUNT(DISTINCT g.protocol_id) FROM rm_participation_signature g
      WHERE g.state = s.code AND ${visibleSql('g')}) AS protocols_signed,
    (SELECT COUNT(*) FROM rm_participation_decision_state x JOIN rm_participation_decision d
      USING (meeting_id, decision_id) WHERE x.state = s.code AND ${visibleSql('d')}) AS decisions_adopted
  FROM rm_participation_state s`;

/** A state's own row is internal only if its registration was; a focal point of that state sees it. */
const SEE_STATE = `(@viewAll = 1 OR s.visibility IS NULL OR s.visibility = 'public' OR s.code = @viewState)`;

const statements = statementsFor((db: Database) => ({
  state: db.prepare<Record<string, unknown>, StateRow>(
    `${WITH_TOTALS} WHERE s.code = @code AND ${SEE_STATE}`,
  ),
  list: db.prepare<Record<string, unknown>, StateRow>(
    `${WITH_TOTALS} WHERE (@membership IS NULL OR s.membership = @membership) AND ${SEE_STATE} ORDER BY s.code
     LIMIT @limit OFFSET @offset`,
  ),
  count: db.prepare<Record<string, unknown>, { n: number }>(
    `SELECT COUNT(*) AS n FROM rm_participation_state s WHERE (@membership IS NULL OR s.membership = @membership)
       AND ${SEE_STATE}`,
  ),
}));

/**
 * One state's full participation as far as the viewer may see it, or null when the log (so far)
 * says nothing of it.
 */
export function findStateParticipation(
  db: Database,
  code: string,
  viewer: Viewer = PUBLIC_VIEWER,
): StateParticipation | null {
  const row = statements(db).state.get({ code, ...visibilityParams(viewer) });
  if (!row) return null;
  return {
    ...toSummary(row),
    memberships: JSON.parse(row.memberships) as StateParticipation['memberships'],
    ...participationSections(db, code, viewer),
  };
}

/** Every state with its totals (of what the viewer may see), by code. */
export function listStateParticipation(
  db: Database,
  filter: StateListFilter,
  viewer: Viewer = PUBLIC_VIEWER,
) {
  const s = statements(db);
  const params = { membership: filter.membership ?? null, ...visibilityParams(viewer) };
  const rows = s.list.all({ ...params, limit: filter.limit, offset: filter.offset });
  const total = s.count.get(params)?.n ?? 0;
  return { items: rows.map(toSummary), total, limit: filter.limit, offset: filter.offset };
}

function toSummary(row: StateRow): StateSummary {
  return {
    code: row.code,
    name: row.name ? (JSON.parse(row.name) as LocalizedText) : null,
    membership: row.membership,
    since: row.since,
    visibility: row.visibility,
    totals: {
      meetingsAttended: row.meetings_attended,
      meetingsHosted: row.meetings_hosted,
      activitiesLed: row.activities_led,
      activitiesParticipated: row.activities_participated,
      protocolsSigned: row.protocols_signed,
      decisionsAdopted: row.decisions_adopted,
    },
    position: row.last_position,
  };
}
