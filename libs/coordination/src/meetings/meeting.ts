import { Type } from 'typebox';
import { unreachable, type DomainEvent } from '#eventsourcing/decider.js';
import { id, nullable, oneOf, record, text, type Payload } from '../schemas/schema-kit.js';
import { IsoDateSchema } from '../shared/iso-date.js';
import { LocalizedTextSchema } from '../shared/localized-text.js';
import { MembershipSchema, StateCodeSchema } from '../shared/states.js';
import {
  AgendaItemSchema,
  BilateralMeetingSchema,
  BriefingSchema,
  DecisionSchema,
  RecordCorrectionSchema,
  type AgendaItem,
  type BilateralMeeting,
  type Briefing,
  type Decision,
  type RecordCorrection,
} from './meeting-record.js';

export type { Decision } from './meeting-record.js';

export const meetingStream = (meetingId: string): string => `meeting-${meetingId}`;

export const DelegationLevelSchema = oneOf([
  'minister',
  'deputy-minister',
  'head-of-institution',
  'ambassador',
  'official',
]);

export type DelegationLevel = Type.Static<typeof DelegationLevelSchema>;

export const DELEGATION_LEVELS: readonly DelegationLevel[] = DelegationLevelSchema.enum;

const meetingId = id();

export const MeetingScheduledData = record(
  {
    meetingId,
    seriesId: id(),
    number: Type.Integer({ minimum: 1, description: 'Its number in the series, rising with the date' }),
    title: LocalizedTextSchema,
    hostState: StateCodeSchema,
    hostInstitutionId: nullable(id()),
    city: text(),
    date: IsoDateSchema,
  },
  { description: 'A meeting of a series is scheduled: its number, title, host, city and date' },
);

export type MeetingDetails = Payload<typeof MeetingScheduledData>;

export type MeetingScheduled = DomainEvent<'MeetingScheduled', MeetingDetails>;

export const DelegationAccreditedData = record(
  {
    meetingId,
    state: StateCodeSchema,
    membership: MembershipSchema,
    headOfDelegation: nullable(text()),
    level: DelegationLevelSchema,
  },
  {
    description:
      "A state's delegation is accredited to the meeting. `membership` is the state's status when " +
      'accredited, so later changes do not rewrite history',
  },
);

export type DelegationAccredited = DomainEvent<
  'DelegationAccredited',
  Payload<typeof DelegationAccreditedData>
>;

export const MeetingConvenedData = record(
  { meetingId, memberStatesPresent: Type.Array(StateCodeSchema, { uniqueItems: true }) },
  { description: 'The meeting convened; the member states present are the quorum it convened with' },
);

export type MeetingConvened = DomainEvent<'MeetingConvened', Payload<typeof MeetingConvenedData>>;

export const AgendaItemAddedData = record(
  { meetingId, ...AgendaItemSchema.properties },
  { description: 'An item is added to the agenda of the meeting' },
);

export type AgendaItemAdded = DomainEvent<'AgendaItemAdded', Payload<typeof AgendaItemAddedData>>;

export const DecisionRecordedData = record(
  { meetingId, ...DecisionSchema.properties },
  {
    description:
      'The meeting took a decision. Self-describing: what a decision asks for is in it, absent parts as null or []',
  },
);

export type DecisionRecorded = DomainEvent<'DecisionRecorded', Payload<typeof DecisionRecordedData>>;

export const BriefingDeliveredData = record(
  { meetingId, ...BriefingSchema.properties },
  { description: 'Someone briefed the meeting on a topic, possibly on strategic documents' },
);

export type BriefingDelivered = DomainEvent<'BriefingDelivered', Payload<typeof BriefingDeliveredData>>;

export const BilateralMeetingHeldData = record(
  { meetingId, ...BilateralMeetingSchema.properties },
  { description: 'Two delegations met on the margins of the meeting' },
);

export type BilateralMeetingHeld = DomainEvent<
  'BilateralMeetingHeld',
  Payload<typeof BilateralMeetingHeldData>
>;

export const MeetingClosedData = record(
  { meetingId },
  { description: 'The meeting closed; its record can now only be corrected' },
);

export type MeetingClosed = DomainEvent<'MeetingClosed', Payload<typeof MeetingClosedData>>;

export const RecordCorrectedData = record(
  { meetingId, ...RecordCorrectionSchema.properties },
  {
    description:
      'The record of a closed meeting was corrected; the original value is kept beside the corrected one',
  },
);

export type RecordCorrected = DomainEvent<'RecordCorrected', Payload<typeof RecordCorrectedData>>;

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

export type ScheduledMeeting = MeetingDetails & {
  readonly status: MeetingStatus;
  readonly delegations: readonly Delegation[];
  readonly decisions: readonly Decision[];
  readonly agenda: readonly AgendaItem[];
  readonly briefings: readonly Briefing[];
  readonly bilaterals: readonly BilateralMeeting[];
  readonly corrections: readonly RecordCorrection[];
};

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
