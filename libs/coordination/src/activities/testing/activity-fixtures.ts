import type { CommandMetadata } from '#eventsourcing/decider.js';
import type { DecisionFacts } from '../../shared/decision-facts.js';
import { commandsOf } from '../../shared/testing/command.js';
import type { ActivityCommand, SchedulingData } from '../activity.commands.js';
import type { ActivityEvent, ActivityScheduled } from '../activity.js';
import type { SchedulingFacts } from '../scheduling-facts.js';

const command = commandsOf<ActivityCommand>();

/** Activity commands recorded at the end of 2025, after the dates they tell of. */
export const activityCommand = <T extends ActivityCommand['type']>(
  type: T,
  data: Extract<ActivityCommand, { type: T }>['data'],
  overrides: Partial<CommandMetadata> = {},
) =>
  command(type, data as never, { recordedAt: '2025-12-31T12:00:00Z', ...overrides }) as Extract<
    ActivityCommand,
    { type: T }
  >;

export const ACTIVITY_ID = 'turkic-diaspora-forum-2025';
export const PLAN_ID = 'plan-diaspora-2025';
export const MEMBERS = ['AZ', 'KZ', 'KG', 'TR', 'UZ'];

export const fromPlan = { planId: PLAN_ID, planActivityId: 'turkic-diaspora-forum' };
export const fromDecision = { meetingId: 'diaspora-ministerial-6', decisionId: 'organise-youth-forum' };

export const agreedToOrganise = (data: Partial<DecisionFacts> = {}): DecisionFacts => ({
  ...fromDecision,
  seriesId: 'diaspora-ministerial',
  meetingDate: '2024-11-18',
  meetingConvened: true,
  kind: 'agreed-to-organise',
  subject: { planId: null },
  adoptingStates: MEMBERS,
  accreditedMemberStates: MEMBERS,
  ...data,
});

/** Facts for a plan origin: the adopted plan lists the forum. */
export const planFactsOf = (data: Partial<SchedulingFacts> = {}): SchedulingFacts => ({
  plan: {
    planId: PLAN_ID,
    status: 'adopted',
    activity: { activityId: 'turkic-diaspora-forum', kind: 'forum' },
  },
  decision: null,
  leadInstitution: null,
  planActivityScheduledAs: null,
  ...data,
});

/** The Turkic Diaspora Forum of the 2025 plan, led by Türkiye. */
export const forumData = (data: Partial<SchedulingData> = {}): SchedulingData => ({
  activityId: ACTIVITY_ID,
  title: { en: 'Turkic Diaspora Forum' },
  origin: fromPlan,
  leadState: 'TR',
  participatingStates: MEMBERS,
  plannedStart: '2025-05-20',
  plannedEnd: '2025-05-22',
  withNgos: true,
  facts: planFactsOf(),
  ...data,
});

export const scheduled = (data: Partial<ActivityScheduled['data']> = {}): ActivityScheduled => ({
  type: 'ActivityScheduled',
  data: {
    activityId: ACTIVITY_ID,
    kind: 'forum',
    title: { en: 'Turkic Diaspora Forum' },
    planId: PLAN_ID,
    planActivityId: 'turkic-diaspora-forum',
    meetingId: null,
    decisionId: null,
    leadState: 'TR',
    leadInstitutionId: null,
    participatingStates: MEMBERS,
    plannedStart: '2025-05-20',
    plannedEnd: '2025-05-22',
    city: null,
    hostState: null,
    withNgos: true,
    ...data,
  },
});

export const started = (startedOn = '2025-05-20'): ActivityEvent => ({
  type: 'ActivityStarted',
  data: { activityId: ACTIVITY_ID, startedOn },
});

export const progressed = (progress: number, asOf = '2025-05-21'): ActivityEvent => ({
  type: 'ProgressReported',
  data: { activityId: ACTIVITY_ID, progress, note: null, asOf },
});

export const completed: ActivityEvent = {
  type: 'ActivityCompleted',
  data: { activityId: ACTIVITY_ID, completedOn: '2025-05-22', outcome: null },
};

export const cancelled: ActivityEvent = {
  type: 'ActivityCancelled',
  data: { activityId: ACTIVITY_ID, reason: { en: 'The host withdrew' } },
};
