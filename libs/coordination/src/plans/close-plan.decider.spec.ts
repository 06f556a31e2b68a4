import { RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import { given } from '../shared/testing/given-when-then.js';
import type { ClosePlan } from './joint-activity-plan.commands.js';
import { planDecider } from './joint-activity-plan.decider.js';
import {
  PLAN_ID,
  activityAdded,
  adoptedPlan,
  drafted,
  planAmended,
  planClosed,
  planCommand,
} from './testing/plan-fixtures.js';

const close = (data: Partial<ClosePlan['data']> = {}, recordedAt = '2026-01-15T09:00:00Z') =>
  planCommand('ClosePlan', { planId: PLAN_ID, closedOn: '2025-12-31', ...data }, { recordedAt });

describe('ClosePlan', () => {
  it('closes an adopted plan, for good', () => {
    const { state } = given(planDecider, adoptedPlan).when(close()).then([planClosed()]);
    expect(state.status === 'closed' && state.closure).toEqual({ closedOn: '2025-12-31', reason: null });
  });

  it('closes an amended plan, keeping the reason', () => {
    const reason = { en: 'The year of the plan is over', tr: 'Planın yılı sona erdi' };
    given(planDecider, [...adoptedPlan, planAmended({ newTitle: { en: 'Plan 2025' } })])
      .when(close({ reason }))
      .then([planClosed({ reason })]);
  });

  it('refuses to close a draft', () => {
    given(planDecider, [drafted, activityAdded()])
      .when(close())
      .thenRefuses(RuleViolation, 'plan.not-adopted');
  });

  it('refuses to close twice', () => {
    given(planDecider, [...adoptedPlan, planClosed()])
      .when(close())
      .thenRefuses(StateConflict, 'plan.already-closed');
  });

  it('refuses a closing day before the adoption, in the future, or not a date', () => {
    given(planDecider, adoptedPlan)
      .when(close({ closedOn: '2024-11-17' }))
      .thenRefuses(RuleViolation, 'plan.closed-before-adoption');
    given(planDecider, adoptedPlan)
      .when(close({}, '2025-06-01T09:00:00Z'))
      .thenRefuses(RuleViolation, 'plan.closed-in-the-future');
    given(planDecider, adoptedPlan)
      .when(close({ closedOn: '31.12.2025' }))
      .thenRefuses(RuleViolation, 'date.invalid');
  });

  it('refuses a reason without English', () => {
    given(planDecider, adoptedPlan)
      .when(close({ reason: { ru: 'Год закончился' } as never }))
      .thenRefuses(RuleViolation, 'text.english-required');
  });

  it('leaves a closed plan final: nothing added, adopted or amended', () => {
    const closed = [...adoptedPlan, planClosed()];
    const { planId: _planId, ...activity } = activityAdded({ activityId: 'late' }).data;
    given(planDecider, closed)
      .when(
        planCommand('AddActivityToPlan', {
          planId: PLAN_ID,
          ...activity,
          leadInstitutionId: undefined,
          plannedStart: undefined,
          plannedEnd: undefined,
        }),
      )
      .thenRefuses(RuleViolation, 'plan.closed');
  });
});
