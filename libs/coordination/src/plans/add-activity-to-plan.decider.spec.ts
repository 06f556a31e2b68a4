import { EntityNotFound, RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import { given } from '../shared/testing/given-when-then.js';
import type { AddActivityToPlan } from './joint-activity-plan.commands.js';
import { planDecider } from './joint-activity-plan.decider.js';
import type { PlanAdopted } from './joint-activity-plan.js';
import { CITED, PLAN_ID, activityAdded, drafted, planCommand } from './testing/plan-fixtures.js';

const { planId: _planId, ...activity } = activityAdded().data;
const add = (data: Partial<AddActivityToPlan['data']> = {}) =>
  planCommand('AddActivityToPlan', {
    planId: PLAN_ID,
    ...activity,
    leadInstitutionId: undefined,
    plannedStart: activity.plannedStart ?? undefined,
    plannedEnd: activity.plannedEnd ?? undefined,
    ...data,
  });

const adopted: PlanAdopted = {
  type: 'PlanAdopted',
  data: { ...drafted.data, decision: CITED, adoptedOn: '2024-11-18', adoptingStates: ['UZ', 'TR'] },
};

describe('AddActivityToPlan', () => {
  it('adds an activity to a drafted plan', () => {
    given(planDecider, [drafted]).when(add()).then([activityAdded()]);
  });

  it('adds an activity without dates or lead institution', () => {
    given(planDecider, [drafted])
      .when(add({ plannedStart: undefined, plannedEnd: undefined, leadInstitutionId: 'tr-ytb' }))
      .then([activityAdded({ plannedStart: null, plannedEnd: null, leadInstitutionId: 'tr-ytb' })]);
  });

  it('accepts a one-day activity and an observer taking part', () => {
    const oneDay = {
      plannedStart: '2025-05-20',
      plannedEnd: '2025-05-20',
      participatingStates: ['TR', 'HU'],
    };
    given(planDecider, [drafted])
      .when(add(oneDay))
      .then([activityAdded(oneDay)]);
  });

  it('refuses an activity on a plan never drafted', () => {
    given(planDecider).when(add()).thenRefuses(EntityNotFound, 'plan.not-found');
  });

  it('refuses an activity on an adopted plan: only amendments now', () => {
    given(planDecider, [drafted, activityAdded(), adopted])
      .when(add({ activityId: 'diaspora-youth-forum-2025' }))
      .thenRefuses(RuleViolation, 'plan.adopted-amend-instead');
  });

  it('refuses an activity id already in the plan', () => {
    given(planDecider, [drafted, activityAdded()])
      .when(add())
      .thenRefuses(StateConflict, 'activity.already-in-plan');
  });

  it('refuses a planned end before the planned start', () => {
    given(planDecider, [drafted])
      .when(add({ plannedStart: '2025-05-22', plannedEnd: '2025-05-20' }))
      .thenRefuses(RuleViolation, 'activity.end-before-start');
  });

  it('refuses a malformed planned date', () => {
    given(planDecider, [drafted])
      .when(add({ plannedEnd: '2025-5-22' }))
      .thenRefuses(RuleViolation, 'date.invalid');
  });

  it('refuses a lead state that does not take part', () => {
    given(planDecider, [drafted])
      .when(add({ leadState: 'UZ', participatingStates: ['TR', 'AZ'] }))
      .thenRefuses(RuleViolation, 'activity.lead-not-participating');
  });

  it('refuses unknown, missing or repeated states', () => {
    const refuses = (data: Partial<AddActivityToPlan['data']>, rule: string) =>
      given(planDecider, [drafted]).when(add(data)).thenRefuses(RuleViolation, rule);
    refuses({ participatingStates: ['TR', 'RU'] }, 'state.unknown');
    refuses({ leadState: 'GB' }, 'state.unknown');
    refuses({ participatingStates: [] }, 'state.list-empty');
    refuses({ participatingStates: ['TR', 'TR'] }, 'state.listed-twice');
  });

  it('refuses an unknown kind', () => {
    given(planDecider, [drafted])
      .when(add({ kind: 'party' as never }))
      .thenRefuses(RuleViolation, 'activity.kind-unknown');
  });
});
