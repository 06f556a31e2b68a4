import { RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import { assertLocalizedText, type LocalizedText } from '../shared/localized-text.js';
import { assertOptionalText, assertText } from '../shared/required.js';
import { objectOf, optionalList } from '../shared/shapes.js';
import { assertKnownState } from '../shared/states.js';
import type { BilateralParty, Briefer, DecisionDocument } from './meeting-record.js';
import { isAccredited, type ScheduledMeeting } from './meeting.js';

/**
 * The values the record of a meeting holds, checked the same way when they are first
 * recorded and when a closed meeting's record is corrected. Each returns the value as stored.
 */

const WEB_ADDRESS = /^https?:\/\/[^\s]+$/;

export function optionalLocalizedText(value: unknown, field: string): LocalizedText | null {
  if (value === undefined || value === null) return null;
  assertLocalizedText(value, field);
  return value;
}

export function localizedText(value: unknown, field: string): LocalizedText {
  assertLocalizedText(value, field);
  return value;
}

/** An agenda item the meeting has, or null when none is named. */
export function agendaItemRef(value: unknown, meeting: ScheduledMeeting, field: string): string | null {
  if (value === undefined || value === null) return null;
  assertText(value, 'agenda.item-id-required', field);
  if (!meeting.agenda.some((item) => item.itemId === value)) {
    throw new RuleViolation(
      'agenda.item-unknown',
      `meeting ${meeting.meetingId} has no agenda item ${value}; add it to the agenda first`,
      field,
    );
  }
  return value;
}

/** A place on the agenda from 1 that no other item holds. */
export function agendaOrder(
  value: unknown,
  meeting: ScheduledMeeting,
  field: string,
  itemId: string,
): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 1000) {
    throw new RuleViolation('agenda.order-invalid', `${field} is a whole number from 1 to 1000`, field);
  }
  const holder = meeting.agenda.find((item) => item.order === value && item.itemId !== itemId);
  if (holder) {
    throw new StateConflict(
      'agenda.order-taken',
      `agenda item ${holder.itemId} is already item ${value}`,
      field,
    );
  }
  return value;
}

export function decisionDocuments(value: unknown, field: string): DecisionDocument[] {
  const ids = new Set<string>();
  return optionalList(value, 'document.list-invalid', field).map((entry, index) => {
    const at = `${field}[${index}]`;
    const document = objectOf(entry, 'document.invalid', at);
    assertOptionalText(document.documentId, 'document.id-blank', `${at}.documentId`);
    const documentId = (document.documentId as string | undefined) ?? null;
    if (documentId !== null && ids.has(documentId)) {
      throw new RuleViolation('document.listed-twice', `${field} lists document ${documentId} twice`, at);
    }
    if (documentId !== null) ids.add(documentId);
    const url = document.url ?? null;
    if (url !== null && (typeof url !== 'string' || !WEB_ADDRESS.test(url))) {
      throw new RuleViolation('document.url-invalid', `${at}.url must be a web address`, `${at}.url`);
    }
    return { documentId, title: localizedText(document.title, `${at}.title`), url };
  });
}

/** Ids of strategic documents (Vision-2040, Strategy 2022-2026, ...), each once. */
export function strategicDocumentIds(value: unknown, field: string): string[] {
  const ids = optionalList(value, 'document.list-invalid', field);
  ids.forEach((id, index) => {
    assertText(id, 'document.id-required', `${field}[${index}]`);
    if (ids.indexOf(id) !== index) {
      throw new RuleViolation('document.cited-twice', `${field} cites ${id} twice`, `${field}[${index}]`);
    }
  });
  return [...ids] as string[];
}

export function briefer(value: unknown, field: string): Briefer {
  const by = objectOf(value, 'briefing.by-required', field);
  assertOptionalText(by.institutionId, 'briefing.institution-blank', `${field}.institutionId`);
  const institutionId = (by.institutionId as string | undefined) ?? null;
  return { institutionId, role: localizedText(by.role, `${field}.role`) };
}

/** Exactly two parties, of two different states, both with an accredited delegation. */
export function bilateralParties(value: unknown, meeting: ScheduledMeeting, field: string): BilateralParty[] {
  const list = optionalList(value, 'bilateral.two-parties', field);
  if (list.length !== 2) {
    throw new RuleViolation('bilateral.two-parties', `a bilateral meeting has exactly two parties`, field);
  }
  const parties = list.map((entry, index) => {
    const at = `${field}[${index}]`;
    const party = objectOf(entry, 'bilateral.party-invalid', at);
    assertKnownState(party.state, `${at}.state`);
    if (!isAccredited(meeting, party.state)) {
      throw new RuleViolation(
        'bilateral.party-not-accredited',
        `${party.state} has no accredited delegation at meeting ${meeting.meetingId}`,
        `${at}.state`,
      );
    }
    assertOptionalText(party.institutionId, 'bilateral.institution-blank', `${at}.institutionId`);
    return { state: party.state, institutionId: (party.institutionId as string | undefined) ?? null };
  });
  if (parties[0].state === parties[1].state) {
    throw new RuleViolation('bilateral.same-state', 'the two parties are of two different states', field);
  }
  return parties;
}
