import type { DecisionFacts } from '../../shared/decision-facts.js';
import { commandsOf } from '../../shared/testing/command.js';
import type { PlanCommand } from '../joint-activity-plan.commands.js';
import type {
  ActivityAddedToPlan,
  PlanAdopted,
  PlanAmended,
  PlanClosed,
  PlanDrafted,
  PlanEvent,
} from '../joint-activity-plan.js';

export const planCommand = commandsOf<PlanCommand>();

export const PLAN_ID = 'plan-diaspora-2025';

export const drafted: PlanDrafted = {
  type: 'PlanDrafted',
  data: {
    planId: PLAN_ID,
    seriesId: 'diaspora-ministerial',
    year: 2025,
    title: { en: 'Diaspora Joint Activity Plan of the OTS for the year 2025' },
  },
};

export const activityAdded = (data: Partial<ActivityAddedToPlan['data']> = {}): ActivityAddedToPlan => ({
  type: 'ActivityAddedToPlan',
  data: {
    planId: PLAN_ID,
    activityId: 'turkic-diaspora-forum-2025',
    kind: 'forum',
    title: { en: 'Turkic Diaspora Forum' },
    leadState: 'TR',
    leadInstitutionId: null,
    participatingStates: ['AZ', 'KZ', 'KG', 'TR', 'UZ'],
    plannedStart: '2025-05-20',
    plannedEnd: '2025-05-22',
    ...data,
  },
});

export const CITED = { meetingId: 'diaspora-ministerial-6', decisionId: 'decision-1' } as const;

/** The cited decision as the Tashkent meeting knows it. */
export const decisionFactsOf = (data: Partial<DecisionFacts> = {}): DecisionFacts => ({
  ...CITED,
  seriesId: 'diaspora-ministerial',
  meetingDate: '2024-11-18',
  meetingConvened: true,
  kind: 'adopted',
  subject: { planId: PLAN_ID },
  adoptingStates: ['AZ', 'KZ', 'KG', 'TR', 'UZ'],
  accreditedMemberStates: ['AZ', 'KZ', 'KG', 'TR', 'UZ'],
  ...data,
});

export const planAdopted: PlanAdopted = {
  type: 'PlanAdopted',
  data: {
    ...drafted.data,
    decision: CITED,
    adoptedOn: '2024-11-18',
    adoptingStates: ['AZ', 'KZ', 'KG', 'TR', 'UZ'],
  },
};

/** The 2025 plan adopted at Tashkent with the Turkic Diaspora Forum. */
export const adoptedPlan: readonly PlanEvent[] = [drafted, activityAdded(), planAdopted];

export const ORGANISING = { meetingId: 'diaspora-ministerial-6', decisionId: 'organise-2025' } as const;

export const planAmended = (data: Partial<PlanAmended['data']> = {}): PlanAmended => ({
  type: 'PlanAmended',
  data: {
    planId: PLAN_ID,
    amendmentId: 'amendment-1',
    decision: ORGANISING,
    amendedOn: '2024-11-18',
    addedActivities: [],
    removedActivityIds: [],
    newTitle: null,
    ...data,
  },
});

export const planClosed = (data: Partial<PlanClosed['data']> = {}): PlanClosed => ({
  type: 'PlanClosed',
  data: { planId: PLAN_ID, closedOn: '2025-12-31', reason: null, ...data },
});
