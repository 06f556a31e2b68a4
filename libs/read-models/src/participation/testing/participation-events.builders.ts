import Database from 'better-sqlite3';
import type { RecordedEvent } from '#event-store';
import { newEvent } from '#event-store/testing/event-builders.js';
import { applyEvent, setupProvenance } from '#eventsourcing';
import { participationProjection as projection } from '../participation.projection.js';

/** Wire events of the participation read model, as (type, data) pairs, for its specs. */
export const MEMBERS = ['AZ', 'KZ', 'KG', 'TR', 'UZ'];
export const TASHKENT = 'diaspora-ministerial-6';

export const registered = (code: string, membership = 'member', since = '2009-10-03') => [
  'StateRegistered',
  { code, name: { en: code }, membership, since },
];
export const scheduled = (meetingId: string, hostState: string, city: string, date: string) => [
  'MeetingScheduled',
  {
    meetingId,
    seriesId: 'diaspora-ministerial',
    number: 6,
    title: { en: `Meeting in ${city}` },
    hostState,
    hostInstitutionId: null,
    city,
    date,
  },
];
export const accredited = (meetingId: string, state: string, membership = 'member', level = 'minister') => [
  'DelegationAccredited',
  { meetingId, state, membership, headOfDelegation: `Head of ${state}`, level },
];
export const decided = (meetingId: string, decisionId: string, adoptingStates: string[]) => [
  'DecisionRecorded',
  { meetingId, decisionId, kind: 'adopted', text: { en: decisionId }, subject: null, adoptingStates },
];
export const activity = (activityId: string, leadState: string, participatingStates = MEMBERS) => [
  'ActivityScheduled',
  {
    activityId,
    kind: 'forum',
    title: { en: activityId },
    leadState,
    leadInstitutionId: null,
    participatingStates,
    plannedStart: '2025-07-07',
    plannedEnd: '2025-07-09',
    city: null,
    hostState: null,
    withNgos: null,
    planId: 'diaspora-2025',
    planActivityId: activityId,
    meetingId: null,
    decisionId: null,
  },
];
export const drafted = (protocolId: string) => [
  'ProtocolDrafted',
  { protocolId, title: { en: protocolId }, parties: [], margins: null },
];
export const signed = (protocolId: string, institutionId: string, state: string | null) => [
  'ProtocolSignatureRecorded',
  {
    protocolId,
    institutionId,
    state,
    institutionName: { en: institutionId },
    signatory: { name: `Chair of ${institutionId}`, title: null },
    signedOn: '2024-11-18',
    place: 'Tashkent',
  },
];

const STREAM_OF: Record<string, string> = { State: 'state', Meeting: 'meeting', Delegation: 'meeting' };

/** Given these events (type, data), applied in order at positions 1, 2, ...: the read model's database. */
export function given(events: unknown[][], db = new Database(':memory:')): Database.Database {
  setupProvenance(db);
  projection.setup(db);
  events.forEach(([type, data], index) => {
    const event = newEvent(type as string, data as Record<string, unknown>, {
      metadata: { visibility: index === 0 ? 'internal' : 'public' },
    });
    const category = STREAM_OF[Object.keys(STREAM_OF).find((k) => String(type).startsWith(k)) ?? ''];
    const recorded: RecordedEvent = {
      ...event,
      stream: `${category ?? 'other'}-${index}`,
      revision: 0,
      position: index + 1,
    };
    applyEvent(db, projection, recorded);
  });
  return db;
}
