import { unreachable, type DomainEvent } from '#eventsourcing/decider.js';
import type { DecisionKind, DecisionSubject } from '../shared/decision-facts.js';
import type { IsoDate } from '../shared/iso-date.js';
import type { LocalizedText } from '../shared/localized-text.js';
import type { Membership } from '../shared/states.js';

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

export type DecisionRecorded = DomainEvent<
  'DecisionRecorded',
  {
    readonly meetingId: string;
    readonly decisionId: string;
    readonly kind: DecisionKind;
    readonly text: LocalizedText;
    readonly subject: DecisionSubject;
    readonly adoptingStates: readonly string[];
  }
>;

export type MeetingClosed = DomainEvent<'MeetingClosed', { readonly meetingId: string }>;

export type MeetingEvent =
  MeetingScheduled | DelegationAccredited | MeetingConvened | DecisionRecorded | MeetingClosed;

export type Delegation = Omit<DelegationAccredited['data'], 'meetingId'>;
export type Decision = Omit<DecisionRecorded['data'], 'meetingId'>;

export type MeetingStatus = 'scheduled' | 'convened' | 'closed';

export interface ScheduledMeeting extends MeetingDetails {
  readonly status: MeetingStatus;
  readonly delegations: readonly Delegation[];
  readonly decisions: readonly Decision[];
}

export type MeetingState = { readonly status: 'unscheduled' } | ScheduledMeeting;

export const initialMeetingState = (): MeetingState => ({ status: 'unscheduled' });

export function evolveMeeting(state: MeetingState, event: MeetingEvent): MeetingState {
  switch (event.type) {
    case 'MeetingScheduled':
      return { ...event.data, status: 'scheduled', delegations: [], decisions: [] };
    case 'DelegationAccredited': {
      if (state.status === 'unscheduled') return state;
      const { meetingId: _meetingId, ...delegation } = event.data;
      return { ...state, delegations: [...state.delegations, delegation] };
    }
    case 'MeetingConvened':
      return state.status === 'unscheduled' ? state : { ...state, status: 'convened' };
    case 'DecisionRecorded': {
      if (state.status === 'unscheduled') return state;
      const { meetingId: _meetingId, ...decision } = event.data;
      return { ...state, decisions: [...state.decisions, decision] };
    }
    case 'MeetingClosed':
      return state.status === 'unscheduled' ? state : { ...state, status: 'closed' };
    default:
      return unreachable(event);
  }
}

/** Member states whose delegations are accredited, in accreditation order. */
export function accreditedMemberStates(meeting: ScheduledMeeting): readonly string[] {
  return meeting.delegations.filter((d) => d.membership === 'member').map((d) => d.state);
}

export function isAccredited(meeting: ScheduledMeeting, state: string): boolean {
  return meeting.delegations.some((d) => d.state === state);
}
