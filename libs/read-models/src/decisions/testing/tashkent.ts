import type { GivenEvent } from './given.js';

/** The Tashkent meeting (18 November 2024) as the wire events the decision register reads. */
export const MEETING = 'diaspora-ministerial-6';
export const MEMBERS = ['AZ', 'KZ', 'KG', 'TR', 'UZ'];
const meetingId = MEETING;

export const documents: GivenEvent[] = [
  [
    'StrategicDocumentRegistered',
    { documentId: 'turkic-world-vision-2040', title: { en: 'Turkic World Vision-2040' }, kind: 'vision' },
  ],
  [
    'StrategicDocumentRegistered',
    { documentId: 'ots-strategy-2022-2026', title: { en: 'OTS Strategy 2022-2026' }, kind: 'strategy' },
  ],
];

export const meeting: GivenEvent[] = [
  [
    'MeetingScheduled',
    {
      meetingId,
      seriesId: 'diaspora-ministerial',
      number: 6,
      title: { en: '6th Meeting on Diaspora Affairs' },
      hostState: 'UZ',
      hostInstitutionId: 'uz-interethnic-committee',
      city: 'Tashkent',
      date: '2024-11-18',
    },
  ],
  [
    'AgendaItemAdded',
    { meetingId, itemId: 'plan-2025', title: { en: 'Joint Activity Plan 2025' }, order: 1 },
  ],
  ['AgendaItemAdded', { meetingId, itemId: 'joint-events', title: { en: 'Joint events' }, order: 2 }],
];

export const adoptPlan: GivenEvent = [
  'DecisionRecorded',
  {
    meetingId,
    decisionId: 'adopt-plan-2025',
    kind: 'adopted',
    text: { en: 'The parties adopted the plan for 2025' },
    subject: { planId: 'diaspora-2025' },
    adoptingStates: MEMBERS,
    agendaItemId: 'plan-2025',
    documents: [{ documentId: 'plan-2025-text', title: { en: 'Plan 2025' }, url: null }],
    citesStrategicDocuments: [],
    organise: [],
    followUps: [],
  },
];

export const organise: GivenEvent = [
  'DecisionRecorded',
  {
    meetingId,
    decisionId: 'organise-joint-events',
    kind: 'agreed-to-organise',
    text: { en: 'The parties agreed to organise the next round' },
    subject: { planId: null },
    adoptingStates: ['AZ', 'KZ', 'UZ'],
    agendaItemId: 'joint-events',
    documents: [],
    citesStrategicDocuments: ['turkic-world-vision-2040'],
    organise: [{ activityId: 'diaspora-ministerial-7' }],
    followUps: [{ followUpId: 'report-2025' }],
  },
];

export const planAdopted: GivenEvent[] = [
  [
    'PlanDrafted',
    { planId: 'diaspora-2025', seriesId: 'diaspora-ministerial', year: 2025, title: { en: 'Plan 2025' } },
  ],
  [
    'PlanAdopted',
    {
      planId: 'diaspora-2025',
      seriesId: 'diaspora-ministerial',
      year: 2025,
      decision: { meetingId, decisionId: 'adopt-plan-2025' },
      adoptedOn: '2024-11-18',
      adoptingStates: MEMBERS,
    },
  ],
];

export const round7: GivenEvent = [
  'ActivityScheduled',
  {
    activityId: 'diaspora-ministerial-7',
    kind: 'meeting-round',
    title: { en: '7th Meeting' },
    leadState: 'KZ',
    leadInstitutionId: null,
    participatingStates: MEMBERS,
    plannedStart: '2025-11-17',
    plannedEnd: '2025-11-17',
    planId: null,
    planActivityId: null,
    meetingId,
    decisionId: 'organise-joint-events',
  },
];

export const report: GivenEvent = [
  'FollowUpAssigned',
  {
    followUpId: 'report-2025',
    decision: { meetingId, decisionId: 'organise-joint-events' },
    decidedOn: '2024-11-18',
    assignee: { state: null, institutionId: 'ots-secretariat' },
    description: { en: 'Report on 2025' },
    dueDate: '2025-11-01',
  },
];
