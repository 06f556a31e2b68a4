import type { DecisionActivityRequest, DecisionFollowUpRequest } from '../../shared/decision-facts.js';

const MEMBERS = ['AZ', 'KZ', 'KG', 'TR', 'UZ'];

/** The Turkic Diaspora Forum as a decision "agreed to organise" asks for it, with NGOs. */
export const forumRequest = (data: Partial<DecisionActivityRequest> = {}): DecisionActivityRequest => ({
  activityId: 'turkic-diaspora-forum-2025',
  kind: 'forum',
  title: { en: 'Turkic Diaspora Forum' },
  leadState: 'TR',
  leadInstitutionId: 'tr-ytb',
  participatingStates: MEMBERS,
  plannedStart: '2025-05-20',
  plannedEnd: '2025-05-22',
  city: 'Istanbul',
  withNgos: true,
  ...data,
});

export const reportFollowUp = (data: Partial<DecisionFollowUpRequest> = {}): DecisionFollowUpRequest => ({
  followUpId: 'report-on-forums',
  assignee: { state: null, institutionId: 'ots-secretariat' },
  description: { en: 'Report to the 7th meeting on the forums and programmes organised' },
  dueDate: '2025-11-01',
  ...data,
});
