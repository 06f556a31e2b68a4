import type { InstitutionFacts } from '../../institutions/institution-facts.js';
import type { DecisionFacts } from '../../shared/decision-facts.js';
import { commandsOf } from '../../shared/testing/command.js';
import type { StateFacts } from '../../states/state-facts.js';
import type { FollowUpAssignmentFacts, FollowUpCommand } from '../follow-up.commands.js';
import type { FollowUpAssigned, ImplementationStatus, ImplementationStatusUpdated } from '../follow-up.js';

export const followUpCommand = commandsOf<FollowUpCommand>();

export const FOLLOW_UP_ID = 'youth-forum-2025-venue';
export const DECISION = { meetingId: 'diaspora-ministerial-6', decisionId: 'organise-youth-forum' } as const;

/** The Tashkent decision to organise a Diaspora Youth Forum, as its meeting knows it. */
export const decisionFactsOf = (data: Partial<DecisionFacts> = {}): DecisionFacts => ({
  ...DECISION,
  seriesId: 'diaspora-ministerial',
  meetingDate: '2024-11-18',
  meetingConvened: true,
  kind: 'agreed-to-organise',
  subject: { planId: null },
  adoptingStates: ['AZ', 'KZ', 'KG', 'TR', 'UZ'],
  accreditedMemberStates: ['AZ', 'KZ', 'KG', 'TR', 'UZ'],
  ...data,
});

export const stateFactsOf = (code: string): StateFacts => ({
  code,
  name: { en: code },
  membership: 'member',
  since: '2009-10-03',
  membershipOn: () => 'member',
});

export const institutionFactsOf = (institutionId: string, state: string | null): InstitutionFacts => ({
  institutionId,
  state,
  nameOn: () => ({ en: institutionId }),
});

export const facts = (data: Partial<FollowUpAssignmentFacts> = {}): FollowUpAssignmentFacts => ({
  decision: decisionFactsOf(),
  state: stateFactsOf('AZ'),
  institution: null,
  ...data,
});

export const assigned = (data: Partial<FollowUpAssigned['data']> = {}): FollowUpAssigned => ({
  type: 'FollowUpAssigned',
  data: {
    followUpId: FOLLOW_UP_ID,
    decision: DECISION,
    decidedOn: '2024-11-18',
    assignee: { state: 'AZ', institutionId: null },
    description: { en: 'Propose the venue and dates of the Diaspora Youth Forum' },
    dueDate: '2025-02-28',
    ...data,
  },
});

export const statusUpdated = (
  status: ImplementationStatus,
  previousStatus: ImplementationStatus,
  note: ImplementationStatusUpdated['data']['note'] = null,
): ImplementationStatusUpdated => ({
  type: 'ImplementationStatusUpdated',
  data: { followUpId: FOLLOW_UP_ID, status, previousStatus, note },
});
