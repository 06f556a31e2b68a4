import { membershipOf } from '../../shared/states.js';
import { commandsOf } from '../../shared/testing/command.js';
import type { MeetingCommand } from '../meeting.commands.js';
import type {
  AgendaItemAdded,
  BilateralMeetingHeld,
  BriefingDelivered,
  DecisionRecorded,
  DelegationAccredited,
  DelegationLevel,
  MeetingConvened,
  MeetingEvent,
  MeetingScheduled,
} from '../meeting.js';

export const meetingCommand = commandsOf<MeetingCommand>();

export const MEETING_ID = 'diaspora-ministerial-6';

export const scheduled: MeetingScheduled = {
  type: 'MeetingScheduled',
  data: {
    meetingId: MEETING_ID,
    seriesId: 'diaspora-ministerial',
    number: 6,
    title: { en: '6th Meeting of the Ministers and Heads of Diaspora Institutions of the OTS' },
    hostState: 'UZ',
    hostInstitutionId: null,
    city: 'Tashkent',
    date: '2024-11-18',
  },
};

export const accredited = (
  state: string,
  level: DelegationLevel = 'head-of-institution',
): DelegationAccredited => ({
  type: 'DelegationAccredited',
  data: { meetingId: MEETING_ID, state, membership: membershipOf(state), headOfDelegation: null, level },
});

export const convened = (...memberStatesPresent: string[]): MeetingConvened => ({
  type: 'MeetingConvened',
  data: { meetingId: MEETING_ID, memberStatesPresent },
});

export const decisionRecorded = (data: Partial<DecisionRecorded['data']> = {}): DecisionRecorded => ({
  type: 'DecisionRecorded',
  data: {
    meetingId: MEETING_ID,
    decisionId: 'decision-1',
    kind: 'adopted',
    text: { en: 'The parties adopted the Diaspora Joint Activity Plan of the OTS for the year 2025' },
    subject: { planId: 'plan-diaspora-2025' },
    adoptingStates: ['UZ', 'AZ', 'KZ'],
    agendaItemId: null,
    documents: [],
    citesStrategicDocuments: [],
    organise: [],
    followUps: [],
    ...data,
  },
});

/** Host UZ with AZ and KZ: the smallest quorum, plus the observer HU. */
export const readyToConvene: readonly MeetingEvent[] = [
  scheduled,
  accredited('UZ'),
  accredited('AZ'),
  accredited('KZ'),
  accredited('HU'),
];

export const convenedMeeting: readonly MeetingEvent[] = [...readyToConvene, convened('UZ', 'AZ', 'KZ')];

export const closed: MeetingEvent = { type: 'MeetingClosed', data: { meetingId: MEETING_ID } };

export const agendaItemAdded = (itemId: string, order: number, en = `Item ${order}`): AgendaItemAdded => ({
  type: 'AgendaItemAdded',
  data: { meetingId: MEETING_ID, itemId, title: { en }, order },
});

export const STRATEGIC_DOCUMENTS = [
  'bishkek-summit-declaration-2024',
  'turkic-world-vision-2040',
  'ots-strategy-2022-2026',
];

export const briefingDelivered = (data: Partial<BriefingDelivered['data']> = {}): BriefingDelivered => ({
  type: 'BriefingDelivered',
  data: {
    meetingId: MEETING_ID,
    briefingId: 'secretariat-briefing',
    by: { institutionId: 'ots-secretariat', role: { en: 'Deputy Secretary General' } },
    topic: { en: 'The strategic documents of the OTS' },
    citesStrategicDocuments: STRATEGIC_DOCUMENTS,
    ...data,
  },
});

export const bilateralHeld = (data: Partial<BilateralMeetingHeld['data']> = {}): BilateralMeetingHeld => ({
  type: 'BilateralMeetingHeld',
  data: {
    meetingId: MEETING_ID,
    bilateralId: 'uz-az',
    parties: [
      { state: 'UZ', institutionId: 'uz-interethnic-committee' },
      { state: 'AZ', institutionId: null },
    ],
    topic: null,
    ...data,
  },
});

/** The convened meeting with an agenda item, a decision under it, a briefing and a bilateral meeting. */
export const recordedMeeting: readonly MeetingEvent[] = [
  scheduled,
  agendaItemAdded('opening', 1, 'Opening'),
  agendaItemAdded('plan-2025', 2, 'Joint Activity Plan 2025'),
  ...convenedMeeting.slice(1),
  decisionRecorded({ agendaItemId: 'plan-2025' }),
  briefingDelivered(),
  bilateralHeld(),
];

export const closedMeeting: readonly MeetingEvent[] = [...recordedMeeting, closed];
