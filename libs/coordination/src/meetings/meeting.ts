import { unreachable, type DomainEvent } from '#eventsourcing/decider.js';
import type { IsoDate } from '../shared/iso-date.js';
import type { LocalizedText } from '../shared/localized-text.js';
import type { Membership } from '../shared/states.js';
import type { AgendaItem, BilateralMeeting, Briefing, Decision, RecordCorrection } from './meeting-record.js';

export type { Decision } from './meeting-record.js';

export const meetingStream = (meetingId: string): string => `meeting-${meetingId}`;

export type DelegationLevel =
  'minister' | 'deputy-minister' | 'head-of-institution' | 'ambassador' | 'official';

export const DELEGATION_LEVELS: readonly DelegationLevel[] = [
  'minister',
  'deputy-minister',
  'head-of-institution',
  'ambassador',
  'official',
];

export interface MeetingDetails {
  readonly meetingId: string;
  readonly seriesId: string;
  readonly number: number;
  readonly title: LocalizedText;
  readonly hostState: string;
  readonly hostInstitutionId: string | null;
  readonly city: string;
  readonly date: IsoDate;
}

export type MeetingScheduled = DomainEvent<'MeetingScheduled', MeetingDetails>;

/** `membership` is the state's status when accredited, so later changes do not rewrite history. */
export type DelegationAccredited = DomainEvent<
  'DelegationAccredited',
  {
    readonly meetingId: string;
    readonly state: string;
    readonly membership: Membership;
    readonly headOfDelegation: string | null;
    readonly level: DelegationLevel;
  }
>;

/** The member states present when it convened: the quorum it convened with. */
export type MeetingConvened = DomainEvent<
  'MeetingConvened',
  { readonly meetingId: string; readonly memberStatesPresent: readonly string[] }
>;

export type AgendaItemAdded = DomainEvent<'AgendaItemAdded', { readonly meetingId: string } & AgendaItem>;

/** Self-describing: what a decision asks for is in it, absent parts as null or []. */
export type DecisionRecorded = DomainEvent<'DecisionRecorded', { readonly meetingId: string } & Decision>;

export type BriefingDelivered = DomainEvent<'BriefingDelivered', { readonly meetingId: string } & Briefing>;

export type BilateralMeetingHeld = DomainEvent<
  'BilateralMeetingHeld',
  { readonly meetingId: string } & BilateralMeeting
>;

export type MeetingClosed = DomainEvent<'MeetingClosed', { readonly meetingId: string }>;

export type RecordCorrected = DomainEvent<
  'RecordCorrected',
  { readonly meetingId: string } & RecordCorrection
>;

export type MeetingEvent =
  | MeetingScheduled
  | AgendaItemAdded
  | DelegationAccredited
  | MeetingConvened
  | DecisionRecorded
  | BriefingDelivered
  | BilateralMeetingHeld
  | MeetingClosed
  | RecordCorrected;

export type Delegation = Omit<DelegationAccredited['data'], 'meetingId'>;

export type MeetingStatus = 'scheduled' | 'convened' | 'closed';

export interface ScheduledMeeting extends MeetingDetails {
  readonly status: MeetingStatus;
  readonly delegations: readonly Delegation[];
  readonly decisions: readonly Decision[];
  readonly agenda: readonly AgendaItem[];
  readonly briefings: readonly Briefing[];
  readonly bilaterals: readonly BilateralMeeting[];
  readonly corrections: readonly RecordCorrection[];
}

export type MeetingState = { readonly status: 'unscheduled' } | ScheduledMeeting;

export const initialMeetingState = (): MeetingState => ({ status: 'unscheduled' });

/** Decisions recorded before these parts existed have none of them. */
const DECISION_PARTS = {
  agendaItemId: null,
  documents: [],
  citesStrategicDocuments: [],
  organise: [],
  followUps: [],
};

const entryOf = <D extends { meetingId: string }>({ meetingId: _meetingId, ...entry }: D) => entry;

export function evolveMeeting(state: MeetingState, event: MeetingEvent): MeetingState {
  if (event.type === 'MeetingScheduled') {
    const record = {
      delegations: [],
      decisions: [],
      agenda: [],
      briefings: [],
      bilaterals: [],
      corrections: [],
    };
    return { ...event.data, status: 'scheduled', ...record };
  }
  if (state.status === 'unscheduled') return state;
  switch (event.type) {
    case 'AgendaItemAdded':
      return { ...state, agenda: [...state.agenda, entryOf(event.data)] };
    case 'DelegationAccredited':
      return { ...state, delegations: [...state.delegations, entryOf(event.data)] };
    case 'MeetingConvened':
      return { ...state, status: 'convened' };
    case 'DecisionRecorded':
      return { ...state, decisions: [...state.decisions, { ...DECISION_PARTS, ...entryOf(event.data) }] };
    case 'BriefingDelivered':
      return { ...state, briefings: [...state.briefings, entryOf(event.data)] };
    case 'BilateralMeetingHeld':
      return { ...state, bilaterals: [...state.bilaterals, entryOf(event.data)] };
    case 'MeetingClosed':
      return { ...state, status: 'closed' };
    case 'RecordCorrected':
      return applyCorrection(state, entryOf(event.data));
    default:
      return unreachable(event);
  }
}

/**
 * The record as corrected. The correction's event stays in the log beside the event it
 * corrects, so the record as first written can always be replayed.
 */
function applyCorrection(meeting: ScheduledMeeting, correction: RecordCorrection): ScheduledMeeting {
  const { target, field, correctedValue } = correction;
  const corrected = <T extends object>(entries: readonly T[], idOf: (entry: T) => string): T[] =>
    entries.map((entry) => (idOf(entry) === target.id ? { ...entry, [field]: correctedValue } : entry));
  const corrections = [...meeting.corrections, correction];
  switch (target.kind) {
    case 'decision':
      return { ...meeting, corrections, decisions: corrected(meeting.decisions, (d) => d.decisionId) };
    case 'agenda-item':
      return { ...meeting, corrections, agenda: corrected(meeting.agenda, (i) => i.itemId) };
    case 'briefing':
      return { ...meeting, corrections, briefings: corrected(meeting.briefings, (b) => b.briefingId) };
    case 'bilateral':
      return { ...meeting, corrections, bilaterals: corrected(meeting.bilaterals, (b) => b.bilateralId) };
    default:
      return unreachable(target.kind);
  }
}

/** Member states whose delegations are accredited, in accreditation order. */
export function accreditedMemberStates(meeting: ScheduledMeeting): readonly string[] {
  return meeting.delegations.filter((d) => d.membership === 'member').map((d) => d.state);
}

export function isAccredited(meeting: ScheduledMeeting, state: string): boolean {
  return meeting.delegations.some((d) => d.state === state);
}
