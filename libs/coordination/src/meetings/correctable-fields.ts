import { RuleViolation, unreachable } from '#eventsourcing/decider.js';
import type { CorrectionTargetKind } from './meeting-record.js';
import type { ScheduledMeeting } from './meeting.js';
import {
  agendaItemRef,
  agendaOrder,
  bilateralParties,
  briefer,
  decisionDocuments,
  localizedText,
  optionalLocalizedText,
  strategicDocumentIds,
} from './record-values.rules.js';

/** Checks a corrected value as the field was checked when first recorded; returns it as stored. */
type Check = (value: unknown, meeting: ScheduledMeeting, targetId: string) => unknown;

const VALUE = 'correctedValue';

/** What the record says, as opposed to what was decided: only this may be corrected. */
const CORRECTABLE: Readonly<Record<CorrectionTargetKind, Readonly<Record<string, Check>>>> = {
  decision: {
    text: (value) => localizedText(value, VALUE),
    agendaItemId: (value, meeting) => agendaItemRef(value, meeting, VALUE),
    documents: (value) => decisionDocuments(value, VALUE),
    citesStrategicDocuments: (value) => strategicDocumentIds(value, VALUE),
  },
  'agenda-item': {
    title: (value) => localizedText(value, VALUE),
    order: (value, meeting, itemId) => agendaOrder(value, meeting, VALUE, itemId),
  },
  briefing: {
    by: (value) => briefer(value, VALUE),
    topic: (value) => localizedText(value, VALUE),
    citesStrategicDocuments: (value) => strategicDocumentIds(value, VALUE),
  },
  bilateral: {
    parties: (value, meeting) => bilateralParties(value, meeting, VALUE),
    topic: (value) => optionalLocalizedText(value, VALUE),
  },
};

/** What a decision decided: changing any of it takes a new decision at another meeting. */
const DECIDED = ['kind', 'adoptingStates', 'subject', 'organise', 'followUps'];

const IDS = ['meetingId', 'decisionId', 'itemId', 'briefingId', 'bilateralId'];

export function correctableField(kind: CorrectionTargetKind, field: string): Check {
  const fields = CORRECTABLE[kind];
  if (Object.hasOwn(fields, field)) return fields[field];
  if (kind === 'decision' && DECIDED.includes(field)) {
    throw new RuleViolation(
      'correction.needs-new-decision',
      `a decision's ${field} is what was decided, not how it was recorded: it changes only by a new decision`,
      'field',
    );
  }
  if (IDS.includes(field)) {
    throw new RuleViolation(
      'correction.id-not-correctable',
      `${field} identifies the ${kind}; record the right one instead of renaming it`,
      'field',
    );
  }
  throw new RuleViolation(
    'correction.field-not-correctable',
    `a correction of a ${kind} may change ${Object.keys(fields).join(', ')}; not ${field}`,
    'field',
  );
}

/** The entry of the record a correction is about, as the record now stands. */
export function correctionTarget(
  meeting: ScheduledMeeting,
  kind: CorrectionTargetKind,
  id: string,
): object | undefined {
  switch (kind) {
    case 'decision':
      return meeting.decisions.find((d) => d.decisionId === id);
    case 'agenda-item':
      return meeting.agenda.find((i) => i.itemId === id);
    case 'briefing':
      return meeting.briefings.find((b) => b.briefingId === id);
    case 'bilateral':
      return meeting.bilaterals.find((b) => b.bilateralId === id);
    default:
      return unreachable(kind);
  }
}
