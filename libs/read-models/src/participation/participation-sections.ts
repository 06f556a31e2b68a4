import type { Database } from 'better-sqlite3';
import { canSeeItem, PUBLIC_VIEWER, statementsFor, type Viewer } from '#eventsourcing';
import type { LocalizedText } from './participation-events.js';
import type { StateActivity, ParticipationSections, StateProtocol } from './participation.views.js';

type Row = Record<string, string | number | null>;

const statements = statementsFor((db: Database) => ({
  attended: db.prepare<[string], Row>(
    `SELECT d.*, m.series_id, m.number, m.title, m.date, m.city, m.host_state FROM rm_participation_delegation d
     LEFT JOIN rm_participation_meeting m USING (meeting_id) WHERE d.state = ? ORDER BY m.date, d.position`,
  ),
  hosted: db.prepare<[string], Row>(
    'SELECT * FROM rm_participation_meeting WHERE host_state = ? ORDER BY date, position',
  ),
  activities: db.prepare<[string, number], Row>(
    `SELECT a.* FROM rm_participation_activity_state p JOIN rm_participation_activity a USING (activity_id)
     WHERE p.state = ? AND p.lead >= ? ORDER BY a.planned_start, a.activity_id`,
  ),
  signatures: db.prepare<[string], Row>(
    `SELECT s.*, p.title, p.status, p.visibility AS protocol_visibility, p.states AS protocol_states,
       (SELECT json_group_array(DISTINCT o.state) FROM rm_participation_signature o
         WHERE o.protocol_id = s.protocol_id AND o.state <> s.state) AS counterparts
     FROM rm_participation_signature s LEFT JOIN rm_participation_protocol p USING (protocol_id)
     WHERE s.state = ? ORDER BY s.signed_on, s.position`,
  ),
  decisions: db.prepare<[string], Row>(
    `SELECT d.*, m.date, m.city FROM rm_participation_decision_state a
     JOIN rm_participation_decision d USING (meeting_id, decision_id)
     LEFT JOIN rm_participation_meeting m USING (meeting_id) WHERE a.state = ? ORDER BY m.date, d.position`,
  ),
}));

const json = <T>(text: string | number | null): T | null =>
  text === null ? null : (JSON.parse(String(text)) as T);
const str = (value: string | number | null) => (value === null ? null : String(value));

/** The lists behind a state's totals, each in the order things happened, as far as the viewer may see them. */
export function participationSections(
  db: Database,
  code: string,
  viewer: Viewer = PUBLIC_VIEWER,
): ParticipationSections {
  const s = statements(db);
  const sees = (r: Row) => canSeeItem(viewer, { visibility: str(r.visibility), states: str(r.states) });
  const seesProtocol = (r: Row) =>
    sees(r) &&
    (r.protocol_visibility === null ||
      canSeeItem(viewer, { visibility: str(r.protocol_visibility), states: str(r.protocol_states) }));
  return {
    meetingsAttended: s.attended
      .all(code)
      .filter(sees)
      .map((r) => ({
        ...meetingOf(r),
        hostState: str(r.host_state),
        level: str(r.level),
        headOfDelegation: str(r.head_of_delegation),
        membership: str(r.membership),
        visibility: String(r.visibility),
      })),
    meetingsHosted: s.hosted
      .all(code)
      .filter(sees)
      .map((r) => ({
        ...meetingOf(r),
        hostInstitutionId: str(r.host_institution_id),
        visibility: String(r.visibility),
      })),
    activitiesLed: s.activities.all(code, 1).filter(sees).map(toActivity),
    activitiesParticipated: s.activities.all(code, 0).filter(sees).map(toActivity),
    protocolsSigned: protocolsOf(s.signatures.all(code).filter(seesProtocol)),
    decisionsAdopted: s.decisions
      .all(code)
      .filter(sees)
      .map((r) => ({
        meetingId: String(r.meeting_id),
        decisionId: String(r.decision_id),
        kind: str(r.kind),
        text: json<LocalizedText>(r.text),
        date: str(r.date),
        city: str(r.city),
        adoptingStates: json<string[]>(r.adopting_states) ?? [],
        visibility: String(r.visibility),
      })),
  };
}

function meetingOf(r: Row) {
  return {
    meetingId: String(r.meeting_id),
    seriesId: str(r.series_id),
    number: r.number === null ? null : Number(r.number),
    title: json<LocalizedText>(r.title),
    date: str(r.date),
    city: str(r.city),
  };
}

function toActivity(r: Row): StateActivity {
  return {
    activityId: String(r.activity_id),
    kind: str(r.kind),
    title: json<LocalizedText>(r.title),
    leadState: str(r.lead_state),
    leadInstitutionId: str(r.lead_institution_id),
    participatingStates: json<string[]>(r.participating_states) ?? [],
    plannedStart: str(r.planned_start),
    plannedEnd: str(r.planned_end),
    city: str(r.city),
    hostState: str(r.host_state),
    origin: json<Record<string, string | null>>(r.origin) ?? {},
    status: String(r.status),
    progress: Number(r.progress),
    visibility: String(r.visibility),
  };
}

/** One entry per protocol, however many of the state's institutions signed it. */
function protocolsOf(rows: Row[]): StateProtocol[] {
  const byProtocol = new Map<string, StateProtocol>();
  for (const r of rows) {
    const id = String(r.protocol_id);
    const entry = byProtocol.get(id) ?? {
      protocolId: id,
      title: json<LocalizedText>(r.title),
      status: str(r.status),
      signatures: [],
      counterparts: (json<string[]>(r.counterparts) ?? []).sort(),
      visibility: String(r.protocol_visibility ?? r.visibility),
    };
    entry.signatures.push({
      institutionId: String(r.institution_id),
      institutionName: json<LocalizedText>(r.institution_name),
      signatory: json<{ name: string; title: Record<string, string> | null }>(r.signatory),
      signedOn: str(r.signed_on),
      place: str(r.place),
    });
    byProtocol.set(id, entry);
  }
  return [...byProtocol.values()];
}
