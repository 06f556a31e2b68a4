import type { ActivityKind } from '../shared/activity-fields.js';

/**
 * The 6th meeting of Ministers and Heads of Institutions in charge of Diaspora Affairs of the
 * OTS, Tashkent, 18 November 2024, as the Secretariat records it. Lead states, cities and
 * dates of the activities are the story's own, not facts from the sources.
 */
export const meetingId = 'diaspora-ministerial-6';
export const planId = 'plan-diaspora-2025';
export const MEMBERS = ['AZ', 'KZ', 'KG', 'TR', 'UZ'];

export const agenda: [string, string][] = [
  ['opening', 'Opening of the meeting'],
  ['strategic-documents', 'Briefing by the Secretariat on the strategic documents of the OTS'],
  ['joint-activity-plan-2025', 'Diaspora Joint Activity Plan of the OTS for the year 2025'],
  ['joint-events-2025', 'Forums, programmes and the next ministerial round'],
];

export const STRATEGIC_DOCUMENTS = [
  'bishkek-summit-declaration-2024',
  'turkic-world-vision-2040',
  'ots-strategy-2022-2026',
];

export const briefing = {
  meetingId,
  briefingId: 'secretariat-briefing',
  by: { institutionId: 'ots-secretariat', role: { en: 'Deputy Secretary General of the OTS' } },
  topic: {
    en: 'The Bishkek Summit Declaration (2024), the Turkic World Vision-2040 and the OTS Strategy 2022-2026',
  },
  citesStrategicDocuments: STRATEGIC_DOCUMENTS,
};

/** [activityId, kind, title, lead state, with NGOs] of what the parties agreed to organise. */
export const organised: [string, ActivityKind, string, string, boolean][] = [
  ['diaspora-ministerial-7', 'meeting-round', 'The 7th meeting of the ministerial round', 'KZ', false],
  [
    'diaspora-exchange-of-experience',
    'exchange-programme',
    'Diaspora Exchange of Experience Program',
    'UZ',
    false,
  ],
  ['capacity-building-training', 'training-programme', 'Capacity Building Training Program', 'KZ', false],
  ['turkic-diaspora-forum', 'forum', 'Turkic Diaspora Forum', 'TR', true],
  ['diaspora-youth-forum', 'forum', 'Diaspora Youth Forum', 'AZ', false],
  ['diaspora-internship', 'internship', 'Internship Program', 'KG', false],
];

export const organise = organised.map(([activityId, kind, en, leadState, withNgos]) => ({
  activityId,
  kind,
  title: { en },
  leadState,
  participatingStates: MEMBERS,
  withNgos,
}));

export const followUp = {
  followUpId: 'report-on-joint-events-2025',
  assignee: { institutionId: 'ots-secretariat' },
  description: { en: 'Report to the 7th meeting on the forums and programmes organised in 2025' },
  dueDate: '2025-11-01',
};

export const organiseText = {
  en: 'The parties agreed to organise the next ministerial round, a Diaspora Exchange of Experience Program, a Capacity Building Training Program, a Turkic Diaspora Forum with NGOs and an Internship Program',
};

/** The minutes also name the Diaspora Youth Forum: the record is corrected after closing. */
export const correctedOrganiseText = {
  en: 'The parties agreed to organise the next ministerial round, a Diaspora Exchange of Experience Program, a Capacity Building Training Program, a Turkic Diaspora Forum with NGOs, a Diaspora Youth Forum and an Internship Program',
};

export const bilaterals = [
  {
    meetingId,
    bilateralId: 'uz-az-diaspora',
    parties: [
      { state: 'UZ', institutionId: 'uz-interethnic-committee' },
      { state: 'AZ', institutionId: 'az-diaspora-committee' },
    ],
    topic: { en: 'A cooperation protocol between the diaspora institutions' },
  },
  {
    meetingId,
    bilateralId: 'kz-tr-diaspora',
    parties: [
      { state: 'KZ', institutionId: 'kz-otandastar' },
      { state: 'TR', institutionId: 'tr-ytb' },
    ],
  },
];
