import type { CoordinationEvent } from './event-schemas.js';

/** One example payload per event type, for the catalogue (docs/events.md); tests validate each. */
export type EventExamples = { readonly [E in CoordinationEvent as E['type']]: E['data'] };

const MEMBERS = ['AZ', 'KZ', 'KG', 'TR', 'UZ'];
const meetingId = 'diaspora-ministerial-6';
const planId = 'diaspora-2025';
const decision = { meetingId, decisionId: 'adopt-plan-2025' };
const youthForum = {
  activityId: 'diaspora-youth-forum-2025',
  kind: 'forum' as const,
  title: { en: 'Diaspora Youth Forum' },
  leadState: 'AZ',
  leadInstitutionId: 'az-diaspora-committee',
  participatingStates: MEMBERS,
  plannedStart: '2025-06-10',
  plannedEnd: '2025-06-12',
};
const protocolId = 'kz-uz-diaspora-2024';
const signatory = { name: 'Akmal Kamalov', title: { en: 'Chairman of the Committee' } };

/** The 6th diaspora ministerial meeting, Tashkent, 18 November 2024, and what followed it. */
export const EVENT_EXAMPLES: EventExamples = {
  StateRegistered: {
    code: 'UZ',
    name: { en: 'Uzbekistan', 'uz-Latn': "O'zbekiston" },
    membership: 'member',
    since: '2019-10-15',
  },
  MembershipStatusChanged: {
    code: 'HU',
    membership: 'member',
    previousMembership: 'observer',
    since: '2026-01-01',
  },
  InstitutionRegistered: {
    institutionId: 'kz-otandastar',
    state: 'KZ',
    name: { en: 'Otandastar Foundation' },
    parent: null,
    validFrom: '2017-01-01',
  },
  InstitutionRenamed: {
    institutionId: 'uz-interethnic-committee',
    name: { en: 'Committee on Interethnic Relations and Friendly Cooperation with Foreign Countries' },
    parent: 'uz-ministry-of-culture',
    validFrom: '2024-01-01',
    previousValidTo: '2023-12-31',
  },
  MeetingSeriesDefined: {
    seriesId: 'diaspora-ministerial',
    title: { en: 'Meeting of Ministers and Heads of Institutions in charge of Diaspora Affairs of the OTS' },
    domain: 'diaspora',
  },
  MeetingNumbered: { seriesId: 'diaspora-ministerial', meetingId, number: 6, date: '2024-11-18' },
  MeetingScheduled: {
    meetingId,
    seriesId: 'diaspora-ministerial',
    number: 6,
    title: {
      en: '6th Meeting of Ministers and Heads of Institutions in charge of Diaspora Affairs of the OTS',
    },
    hostState: 'UZ',
    hostInstitutionId: 'uz-interethnic-committee',
    city: 'Tashkent',
    date: '2024-11-18',
  },
  AgendaItemAdded: {
    meetingId,
    itemId: 'joint-activity-plan-2025',
    title: { en: 'Diaspora Joint Activity Plan of the OTS for the year 2025' },
    order: 3,
  },
  DelegationAccredited: {
    meetingId,
    state: 'KZ',
    membership: 'member',
    headOfDelegation: 'Chairperson of the Board, Otandastar Foundation',
    level: 'head-of-institution',
  },
  MeetingConvened: { meetingId, memberStatesPresent: MEMBERS },
  DecisionRecorded: {
    meetingId,
    decisionId: 'adopt-plan-2025',
    kind: 'adopted',
    text: { en: 'The parties adopted the Diaspora Joint Activity Plan of the OTS for the year 2025.' },
    subject: { planId },
    adoptingStates: MEMBERS,
    agendaItemId: 'joint-activity-plan-2025',
    documents: [],
    citesStrategicDocuments: ['turkic-world-vision-2040'],
    organise: [],
    followUps: [],
  },
  BriefingDelivered: {
    meetingId,
    briefingId: 'secretariat-briefing',
    by: { institutionId: 'ots-secretariat', role: { en: 'Deputy Secretary General of the OTS' } },
    topic: {
      en: 'The Bishkek Summit Declaration (2024), the Turkic World Vision-2040 and the OTS Strategy 2022-2026',
    },
    citesStrategicDocuments: [
      'bishkek-summit-declaration-2024',
      'turkic-world-vision-2040',
      'ots-strategy-2022-2026',
    ],
  },
  BilateralMeetingHeld: {
    meetingId,
    bilateralId: 'kz-uz',
    parties: [
      { state: 'KZ', institutionId: 'kz-otandastar' },
      { state: 'UZ', institutionId: 'uz-interethnic-committee' },
    ],
    topic: { en: 'Cooperation in diaspora affairs' },
  },
  MeetingClosed: { meetingId },
  RecordCorrected: {
    meetingId,
    correctionId: 'correction-1',
    target: { kind: 'agenda-item', id: 'joint-activity-plan-2025' },
    field: 'order',
    originalValue: 4,
    correctedValue: 3,
    reason: { en: 'The minutes list the plan as the third item' },
  },
  PlanDrafted: {
    planId,
    seriesId: 'diaspora-ministerial',
    year: 2025,
    title: { en: 'Diaspora Joint Activity Plan of the OTS for the year 2025' },
  },
  ActivityAddedToPlan: { planId, ...youthForum },
  PlanAdopted: {
    planId,
    seriesId: 'diaspora-ministerial',
    year: 2025,
    decision,
    adoptedOn: '2024-11-18',
    adoptingStates: MEMBERS,
  },
  PlanAmended: {
    planId,
    amendmentId: 'amendment-1',
    decision: { meetingId: 'diaspora-ministerial-7', decisionId: 'amend-plan-2025' },
    amendedOn: '2025-10-01',
    addedActivities: [],
    removedActivityIds: ['diaspora-internship-2025'],
    newTitle: null,
  },
  PlanClosed: { planId, closedOn: '2025-12-31', reason: null },
  ActivityScheduled: {
    ...youthForum,
    planId,
    planActivityId: youthForum.activityId,
    meetingId: null,
    decisionId: null,
    city: 'Baku',
    hostState: 'AZ',
    withNgos: false,
  },
  ActivityStarted: { activityId: youthForum.activityId, startedOn: '2025-06-10' },
  ProgressReported: { activityId: youthForum.activityId, progress: 60, note: null, asOf: '2025-06-11' },
  ActivityCompleted: {
    activityId: youthForum.activityId,
    completedOn: '2025-06-12',
    outcome: { en: 'Young people of the Turkic diaspora from 12 countries took part' },
  },
  ActivityPostponed: {
    activityId: 'capacity-building-training-2025',
    previousStart: '2025-04-01',
    previousEnd: '2025-04-05',
    newStart: '2025-09-15',
    newEnd: '2025-09-19',
    reason: { en: 'The host asked for a later date' },
  },
  ActivityCancelled: { activityId: 'diaspora-internship-2025', reason: { en: 'No host institution' } },
  ProtocolDrafted: {
    protocolId,
    title: {
      en: 'Cooperation Protocol between the Otandastar Foundation and the Committee on Interethnic Relations',
    },
    parties: [
      { institutionId: 'kz-otandastar', state: 'KZ' },
      { institutionId: 'uz-interethnic-committee', state: 'UZ' },
    ],
    margins: { meetingId },
  },
  PartyAdded: { protocolId, institutionId: 'az-diaspora-committee', state: 'AZ' },
  PartyRemoved: { protocolId, institutionId: 'az-diaspora-committee' },
  SignatoryDesignated: { protocolId, institutionId: 'uz-interethnic-committee', signatory },
  ProtocolSignatureRecorded: {
    protocolId,
    institutionId: 'uz-interethnic-committee',
    state: 'UZ',
    institutionName: {
      en: 'Committee on Interethnic Relations and Friendly Cooperation with Foreign Countries',
    },
    signatory,
    signedOn: '2024-11-18',
    place: 'Tashkent',
  },
  ProtocolSigned: {
    protocolId,
    signedOn: '2024-11-18',
    parties: ['kz-otandastar', 'uz-interethnic-committee'],
  },
  ProtocolEnteredIntoForce: { protocolId, date: '2024-11-18' },
  ProtocolTerminated: {
    protocolId,
    date: '2029-11-18',
    reason: { en: 'Replaced by a multilateral protocol' },
  },
  FollowUpAssigned: {
    followUpId: 'youth-forum-report',
    decision,
    decidedOn: '2024-11-18',
    assignee: { state: 'AZ', institutionId: 'az-diaspora-committee' },
    description: { en: 'Report to the 7th meeting on the Diaspora Youth Forum' },
    dueDate: '2025-10-01',
  },
  ImplementationStatusUpdated: {
    followUpId: 'youth-forum-report',
    status: 'in-progress',
    previousStatus: 'not-started',
    note: null,
  },
  ReviewScheduled: {
    followUpId: 'youth-forum-report',
    reviewOn: '2025-10-01',
    meetingId: 'diaspora-ministerial-7',
  },
  StrategicDocumentRegistered: {
    documentId: 'turkic-world-vision-2040',
    title: { en: 'Turkic World Vision-2040' },
    kind: 'vision',
    adoptedAt: '2021-11-12',
    adoptedAtPlace: 'Istanbul',
    source: { kind: 'official-site', title: null, url: 'https://www.turkicstates.org', date: null },
  },
};
