import { EntityNotFound, RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import type { DecisionFacts } from '../shared/decision-facts.js';
import { given } from '../shared/testing/given-when-then.js';
import type { AmendPlan } from './joint-activity-plan.commands.js';
import { planDecider } from './joint-activity-plan.decider.js';
import {
  ORGANISING,
  PLAN_ID,
  activityAdded,
  adoptedPlan,
  decisionFactsOf,
  drafted,
  planAmended,
  planClosed,
  planCommand,
} from './testing/plan-fixtures.js';

const { planId: _planId, ...forum } = activityAdded().data;
const { planId: _p, ...youthForum } = activityAdded({
  activityId: 'diaspora-youth-forum-2025',
  title: { en: 'Diaspora Youth Forum' },
  leadState: 'AZ',
}).data;
const organising = decisionFactsOf({ ...ORGANISING, kind: 'agreed-to-organise', subject: { planId: null } });
const amend = (
  changes: AmendPlan['data']['changes'],
  decision: DecisionFacts | null = organising,
  amendmentId = 'amendment-1',
) =>
  planCommand('AmendPlan', {
    planId: PLAN_ID,
    amendmentId,
    decision: decision ? { meetingId: decision.meetingId, decisionId: decision.decisionId } : ORGANISING,
    changes,
    facts: { decision },
  });
const addYouthForum = amend({ addActivities: [{ ...youthForum, leadInstitutionId: undefined }] });

describe('AmendPlan', () => {
  it('adds an activity to an adopted plan citing a decision "agreed to organise"', () => {
    const { state } = given(planDecider, adoptedPlan)
      .when(addYouthForum)
      .then([planAmended({ addedActivities: [youthForum] })]);
    expect(state.status === 'adopted' && state.activities.map((a) => a.activityId)).toEqual([
      forum.activityId,
      youthForum.activityId,
    ]);
  });

  it('removes and retitles, citing an adopted decision about the plan', () => {
    const title = { en: 'Diaspora Joint Activity Plan 2025 (amended)' };
    const withYouth = [...adoptedPlan, planAmended({ addedActivities: [youthForum] })];
    const changes = { removeActivityIds: [forum.activityId], retitle: title };
    const { state } = given(planDecider, withYouth)
      .when(amend(changes, decisionFactsOf(), 'amendment-2'))
      .then([
        planAmended({
          amendmentId: 'amendment-2',
          decision: { meetingId: ORGANISING.meetingId, decisionId: 'decision-1' },
          removedActivityIds: [forum.activityId],
          newTitle: title,
        }),
      ]);
    expect(
      state.status === 'adopted' && [state.title, state.activities.length, state.amendments.length],
    ).toEqual([title, 1, 2]);
  });

  it('refuses to amend a draft: activities are added to it directly', () => {
    given(planDecider, [drafted, activityAdded()])
      .when(addYouthForum)
      .thenRefuses(RuleViolation, 'plan.not-adopted');
  });

  it('refuses to amend a closed plan', () => {
    given(planDecider, [...adoptedPlan, planClosed()])
      .when(addYouthForum)
      .thenRefuses(RuleViolation, 'plan.closed');
  });

  it('refuses an amendment id already recorded', () => {
    given(planDecider, [...adoptedPlan, planAmended({ newTitle: { en: 'Plan' } })])
      .when(addYouthForum)
      .thenRefuses(StateConflict, 'amendment.already-recorded');
  });

  it('refuses a decision that does not exist, or was only noted', () => {
    given(planDecider, adoptedPlan)
      .when(amend({ retitle: { en: 'Plan' } }, null))
      .thenRefuses(EntityNotFound, 'decision.not-found');
    given(planDecider, adoptedPlan)
      .when(amend({ retitle: { en: 'Plan' } }, { ...organising, kind: 'noted' }))
      .thenRefuses(RuleViolation, 'amendment.decision-not-binding');
  });

  it.each([
    [{ meetingConvened: false }, 'amendment.decision-meeting-not-convened'],
    [{ subject: { planId: 'plan-diaspora-2024' } }, 'amendment.decision-about-another-plan'],
    [{ meetingDate: '2023-11-22' }, 'amendment.decision-before-adoption'],
  ] as const)('refuses a decision with %j', (facts, rule) => {
    given(planDecider, adoptedPlan)
      .when(amend({ retitle: { en: 'Plan' } }, { ...organising, ...facts }))
      .thenRefuses(RuleViolation, rule);
  });

  it('refuses the same activity rules as AddActivityToPlan', () => {
    const refuses = (changes: Partial<typeof youthForum>, rule: string) =>
      given(planDecider, adoptedPlan)
        .when(amend({ addActivities: [{ ...youthForum, leadInstitutionId: undefined, ...changes }] }))
        .thenRefuses(RuleViolation, rule);
    refuses({ leadState: 'HU' }, 'activity.lead-not-participating');
    refuses({ plannedStart: '2025-06-02', plannedEnd: '2025-06-01' }, 'activity.end-before-start');
    refuses({ kind: 'party' as never }, 'activity.kind-unknown');
    refuses({ participatingStates: [] }, 'state.list-empty');
    given(planDecider, adoptedPlan)
      .when(amend({ addActivities: [{ ...forum, leadInstitutionId: undefined }] }))
      .thenRefuses(StateConflict, 'activity.already-in-plan');
  });

  it('refuses to remove an activity the plan does not have, or every activity', () => {
    given(planDecider, adoptedPlan)
      .when(amend({ removeActivityIds: ['diaspora-internship'] }))
      .thenRefuses(RuleViolation, 'amendment.activity-not-in-plan');
    given(planDecider, adoptedPlan)
      .when(amend({ removeActivityIds: [forum.activityId] }))
      .thenRefuses(RuleViolation, 'amendment.plan-left-empty');
  });

  it('refuses an amendment that changes nothing', () => {
    given(planDecider, adoptedPlan).when(amend({})).thenRefuses(RuleViolation, 'amendment.no-changes');
  });
});
